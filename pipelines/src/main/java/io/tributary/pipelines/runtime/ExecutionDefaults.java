package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;

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

    private static <T> void setIfAbsent(Configuration conf, ConfigOption<T> option, T value) {
        if (!conf.contains(option)) {
            conf.set(option, value);
        }
    }
}
