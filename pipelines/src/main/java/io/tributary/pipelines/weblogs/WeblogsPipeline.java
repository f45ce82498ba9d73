package io.tributary.pipelines.weblogs;

import io.tributary.pipelines.runtime.PipelineDescriptor;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.streams.LineFedPipeline;
import io.tributary.pipelines.streams.LineSources;
import io.tributary.udfs.sql.ParseAccessLogFunction;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Web server access logs (Apache/Nginx common and combined formats) into the lake: lines → {@code
 * bronze.weblogs_raw} → {@code silver.weblogs_requests} and {@code silver.weblogs_rejects} → the
 * {@code gold.weblogs_*} answers. In batch mode the lines come from landing files, in streaming
 * mode from a Kafka topic; the SQL is the same. Each mode writes its own {@code origin} partitions
 * of bronze and silver, so a backfill never erases streamed rows, and gold is computed over both. A
 * backfill replaces in bronze and silver only the rows of the landing files it read, so nightly
 * one-day backfills add up to the lake of one backfill over every day.
 */
public final class WeblogsPipeline implements LineFedPipeline {
    public static final String NAME = "weblogs";

    private static final PipelineDescriptor DESCRIPTOR =
            PipelineDescriptor.load(WeblogsPipeline.class);

    /** The tables each line lands in: a backfill replaces their rows of the files it reads. */
    static final List<String> BRONZE_SILVER = DESCRIPTOR.fixedTables("bronze", "silver");

    /** The gold tables, a contract with analysts (and the Glue catalog). */
    public static final List<String> GOLD = DESCRIPTOR.fixedTables("gold");

    /**
     * Its lines: landing files in batch mode, a Kafka topic or Kinesis stream in streaming mode.
     */
    private final LineSources lines =
            new LineSources(
                    NAME,
                    BRONZE_SILVER,
                    new LineSources.StreamOptions(
                            WeblogsOptions.SOURCE,
                            WeblogsOptions.TOPIC,
                            WeblogsOptions.STREAM,
                            WeblogsOptions.FORMAT));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PipelineDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void registerSources(
            StreamExecutionEnvironment env,
            StreamTableEnvironment tEnv,
            Configuration conf,
            PipelineMode mode)
            throws Exception {
        tEnv.createTemporarySystemFunction(
                ParseAccessLogFunction.NAME, ParseAccessLogFunction.class);
        lines.registerView(
                "weblogs_lines",
                env,
                tEnv,
                conf,
                mode,
                tables(),
                "put Apache/Nginx access logs there (plain or .gz), generate some with"
                        + " 'tributary generate weblogs --lines 100000', or set"
                        + " tributary.landing.root");
    }

    @Override
    public LineSources lineSources() {
        return lines;
    }

    /** Gold's statements read only the lake's declared tables, through SQL views. */
    @Override
    public boolean derivedPlansReusable() {
        return true;
    }

    @Override
    public PipelineDescriptor.Bindings bindings() {
        return new PipelineDescriptor.Bindings() {
            /**
             * A stream's bronze and silver skip the Kafka records they hold (a fresh start re-reads
             * some).
             */
            @Override
            public String rewrite(String name, String sql, PipelineMode m) {
                return m == PipelineMode.STREAMING ? lines.skipCommitted(name, sql) : sql;
            }
        };
    }
}
