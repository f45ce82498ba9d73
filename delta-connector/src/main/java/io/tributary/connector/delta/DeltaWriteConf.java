package io.tributary.connector.delta;

import java.time.Duration;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The write settings of one Delta table, each resolved here and nowhere else, in this order:
 *
 * <ol>
 *   <li>the table's own option ({@code 'sink.target-file-size' = '64mb'} in its {@code WITH} clause
 *       or an {@code OPTIONS} hint),
 *   <li>the job's default for every table ({@code tributary.sink.target-file-size} in the job
 *       configuration, e.g. {@code -D tributary.sink.target-file-size=64mb}),
 *   <li>the option's default.
 * </ol>
 *
 * <p>A new tunable is one table option in {@link DeltaConnectorOptions}, one job option here and
 * one getter; {@link #applyTo} hands every resolved setting to a {@link DeltaSink.Builder}.
 */
@PublicEvolving
public final class DeltaWriteConf {
    // ------------------------------------------------------------------------------------------
    // Job-wide defaults: the table options' keys under tributary.sink.
    // ------------------------------------------------------------------------------------------

    public static final ConfigOption<MemorySize> TARGET_FILE_SIZE =
            ConfigOptions.key("tributary.sink.target-file-size")
                    .memoryType()
                    .noDefaultValue()
                    .withDescription(
                            jobWide(DeltaConnectorOptions.SINK_TARGET_FILE_SIZE)
                                    + "data files close at this size, "
                                    + "and at every checkpoint and end of input.");

    public static final ConfigOption<MemorySize> ROW_GROUP_SIZE =
            ConfigOptions.key("tributary.sink.row-group-size")
                    .memoryType()
                    .noDefaultValue()
                    .withDescription(
                            jobWide(DeltaConnectorOptions.SINK_ROW_GROUP_SIZE)
                                    + "the Parquet row group size.");

    public static final ConfigOption<Integer> MAX_OPEN_FILES =
            ConfigOptions.key("tributary.sink.max-open-files")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            jobWide(DeltaConnectorOptions.SINK_MAX_OPEN_FILES)
                                    + "data files a writer keeps open.");

    public static final ConfigOption<Integer> MAX_BUFFERED_CHANGES =
            ConfigOptions.key("tributary.sink.max-buffered-changes")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            jobWide(DeltaConnectorOptions.SINK_MAX_BUFFERED_CHANGES)
                                    + "keys a changelog writer "
                                    + "folds before it hands changes on early.");

    public static final ConfigOption<Duration> WRITER_LEASE =
            ConfigOptions.key("tributary.sink.writer-lease")
                    .durationType()
                    .noDefaultValue()
                    .withDescription(
                            jobWide(DeltaConnectorOptions.SINK_WRITER_LEASE)
                                    + "how long a streaming writer's "
                                    + "claim on a table holds without renewal.");

    public static final ConfigOption<Integer> LOG_CHECKPOINT_INTERVAL =
            ConfigOptions.key("tributary.sink.log-checkpoint-interval")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            jobWide(DeltaConnectorOptions.LOG_CHECKPOINT_INTERVAL)
                                    + "a Delta log checkpoint every "
                                    + "this many commits, for tables the job creates (existing tables keep their "
                                    + "delta.checkpointInterval).");

    private final ReadableConfig table;
    private final ReadableConfig job;

    /**
     * @param table the table's options (its {@code WITH} clause and hints)
     * @param job the job's configuration
     */
    public DeltaWriteConf(ReadableConfig table, ReadableConfig job) {
        this.table = table;
        this.job = job;
    }

    public MemorySize targetFileSize() {
        return resolve(DeltaConnectorOptions.SINK_TARGET_FILE_SIZE, TARGET_FILE_SIZE);
    }

    public MemorySize rowGroupSize() {
        return resolve(DeltaConnectorOptions.SINK_ROW_GROUP_SIZE, ROW_GROUP_SIZE);
    }

    public int maxOpenFiles() {
        return resolve(DeltaConnectorOptions.SINK_MAX_OPEN_FILES, MAX_OPEN_FILES);
    }

    public int maxBufferedChanges() {
        return resolve(DeltaConnectorOptions.SINK_MAX_BUFFERED_CHANGES, MAX_BUFFERED_CHANGES);
    }

    public Duration writerLease() {
        return resolve(DeltaConnectorOptions.SINK_WRITER_LEASE, WRITER_LEASE);
    }

    public int logCheckpointInterval() {
        return resolve(DeltaConnectorOptions.LOG_CHECKPOINT_INTERVAL, LOG_CHECKPOINT_INTERVAL);
    }

    /** Sets every setting resolved here on {@code builder}. */
    public DeltaSink.Builder applyTo(DeltaSink.Builder builder) {
        return builder.targetFileSize(targetFileSize().getBytes())
                .rowGroupSize(rowGroupSize().getBytes())
                .maxOpenFiles(maxOpenFiles())
                .maxBufferedChanges(maxBufferedChanges())
                .writerLease(writerLease())
                .logCheckpointInterval(logCheckpointInterval());
    }

    private <T> T resolve(ConfigOption<T> tableOption, ConfigOption<T> jobOption) {
        return table.getOptional(tableOption)
                .or(() -> job.getOptional(jobOption))
                .orElse(tableOption.defaultValue());
    }

    private static String jobWide(ConfigOption<?> tableOption) {
        return "Default of the table option '"
                + tableOption.key()
                + "' for every Delta table of the job that does "
                + "not set it (default "
                + tableOption.defaultValue()
                + "): ";
    }
}
