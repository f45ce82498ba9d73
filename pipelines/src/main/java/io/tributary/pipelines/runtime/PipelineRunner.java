package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a pipeline's stages, one Flink job each. In batch mode every {@code INSERT INTO} becomes
 * {@code INSERT OVERWRITE}: a backfill replaces what it recomputes (whole tables, or the partitions
 * it writes), so running it twice leaves the same tables.
 */
@PublicEvolving
public final class PipelineRunner {
    private final Configuration conf;
    private final PrintStream out;

    public PipelineRunner(Configuration conf, PrintStream out) {
        this.conf = conf;
        this.out = out;
    }

    /** Runs every stage and returns rows and files written per table. */
    public Map<String, long[]> run(Pipeline pipeline, PipelineMode mode) throws Exception {
        Map<String, long[]> written = new LinkedHashMap<>();
        for (Pipeline.Stage stage : pipeline.stages(mode)) {
            StreamTableEnvironment tEnv = environment(pipeline, mode);
            StatementSet statements = tEnv.createStatementSet();
            for (String sql : stage.statements()) {
                if (sql.regionMatches(true, 0, "INSERT", 0, 6)) {
                    statements.addInsertSql(mode == PipelineMode.BATCH ? asOverwrite(sql) : sql);
                } else {
                    tEnv.executeSql(sql);
                }
            }
            TableResult result = statements.execute();
            JobClient job = result.getJobClient().orElseThrow();
            written.putAll(new JobProgress(out, 2_000).await(stage.name(), job));
        }
        return written;
    }

    private StreamTableEnvironment environment(Pipeline pipeline, PipelineMode mode) {
        Configuration jobConf = ExecutionDefaults.apply(conf);
        jobConf.set(ExecutionOptions.RUNTIME_MODE,
                mode == PipelineMode.BATCH ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConf);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().set("pipeline.name", "tributary " + pipeline.name() + " (" + mode.name().toLowerCase() + ")");
        LakeCatalog.registerDeclared(tEnv, conf, pipeline.tables());
        pipeline.registerSources(env, tEnv, conf, mode);
        return tEnv;
    }

    static String asOverwrite(String insert) {
        return insert.replaceFirst("(?i)^INSERT\\s+INTO\\b", "INSERT OVERWRITE");
    }
}
