package io.tributary.connector.delta;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Options of the {@code 'connector' = 'delta'} table connector. */
@PublicEvolving
public final class DeltaConnectorOptions {
    private DeltaConnectorOptions() {}

    public static final ConfigOption<String> PATH =
            ConfigOptions.key("path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Location of the Delta table: a local path, a file:// URI or an s3:// URI "
                                    + "(through Flink's S3 file system plugin).");

    public static final ConfigOption<String> SINK_ID =
            ConfigOptions.key("sink.id")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Stable id of this writer, used as the Delta transaction application id so "
                                    + "that a replayed commit is skipped. Must survive savepoint "
                                    + "redeploys and differ between jobs writing the same table. "
                                    + "Defaults to the table's catalog identifier.");

    public static final ConfigOption<Integer> SINK_MAX_BUFFERED_ROWS =
            ConfigOptions.key("sink.max-buffered-rows")
                    .intType()
                    .defaultValue(500_000)
                    .withDescription(
                            "Rows a writer buffers (over all partitions) before it writes the largest "
                                    + "partition's rows as Parquet. Larger values make larger files "
                                    + "and use more memory.");

    public static final ConfigOption<Integer> SINK_PARALLELISM =
            ConfigOptions.key("sink.parallelism")
                    .intType()
                    .noDefaultValue()
                    .withDescription("Parallelism of the Parquet writers; the committer always runs once.");

    public static final ConfigOption<Integer> LOG_CHECKPOINT_INTERVAL =
            ConfigOptions.key("log.checkpoint-interval")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "Write a Delta log checkpoint every this many commits (table property "
                                    + "delta.checkpointInterval, set when the table is created).");
}
