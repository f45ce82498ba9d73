package io.tributary.pipelines.runtime;

import java.time.Duration;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.table.api.config.ExecutionConfigOptions;

/** Flink settings every Tributary job gets unless the user's configuration says otherwise. */
@Internal
public final class ExecutionDefaults {
    private ExecutionDefaults() {}

    /** A copy of {@code conf} with the defaults filled in. */
    public static Configuration apply(Configuration conf) {
        Configuration job = new Configuration(conf);
        int parallelism = conf.get(TributaryOptions.PARALLELISM);
        setIfAbsent(job, CoreOptions.DEFAULT_PARALLELISM, parallelism);
        // The planner's operators and the Delta writer copy what they keep, so records need not be
        // copied between chained operators.
        setIfAbsent(job, PipelineOptions.OBJECT_REUSE, true);
        // The embedded cluster otherwise sizes itself by the job graph, where a batch job's
        // operators leave parallelism to the scheduler: one slot, and the second reader idles.
        // A real cluster's task managers ignore this job-level setting.
        setIfAbsent(job, TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        return job;
    }

    /**
     * Streaming jobs also buffer their aggregations' input for a moment (mini-batch): each key's
     * state is then read and written, and its retraction sent, once per batch instead of once per
     * record, which is most of a streaming aggregation's cost. Batches are flushed before every
     * checkpoint barrier, so commits are unchanged; the latency bound is well inside a checkpoint.
     *
     * <p>Not with a regular join in a streaming query: under mini-batch Flink 1.20 plans it as a
     * mini-batch join, and after a restore from a checkpoint the kill-and-resume test saw such a
     * query's results re-emitted as inserts, without their retractions. The shipped SQL has no
     * regular join; a pipeline that needs one sets {@code table.exec.mini-batch.enabled: false}.
     */
    public static Configuration applyStreaming(Configuration conf) {
        Configuration job = apply(conf);
        setIfAbsent(job, ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED, true);
        setIfAbsent(
                job,
                ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ALLOW_LATENCY,
                Duration.ofSeconds(1));
        setIfAbsent(job, ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_SIZE, 10_000L);
        return job;
    }

    private static <T> void setIfAbsent(Configuration conf, ConfigOption<T> option, T value) {
        if (!conf.contains(option)) {
            conf.set(option, value);
        }
    }
}
