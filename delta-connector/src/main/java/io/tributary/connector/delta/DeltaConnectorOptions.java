package io.tributary.connector.delta;

import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * Options of the {@code 'connector' = 'delta'} table connector, by group. The job-wide defaults of
 * the file settings are {@link DeltaWriteConf}'s; the storage settings of the cluster are {@link
 * DeltaStorageOptions}.
 */
@PublicEvolving
public final class DeltaConnectorOptions {
    private DeltaConnectorOptions() {}

    // ------------------------------------------------------------------------------------------
    // Table
    // ------------------------------------------------------------------------------------------

    public static final ConfigOption<String> PATH =
            ConfigOptions.key("path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Location of the Delta table: a local path, a file:// URI or an s3:// URI "
                                    + "(through Flink's S3 file system plugin).");

    // ------------------------------------------------------------------------------------------
    // Sink: identity and parallelism
    // ------------------------------------------------------------------------------------------

    public static final ConfigOption<String> SINK_ID =
            ConfigOptions.key("sink.id")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Stable id of this writer; with the id of the job that first started "
                                    + "from empty state it forms the Delta transaction application id, "
                                    + "so that a replayed commit is skipped. Names the operators' uids, "
                                    + "so it must survive savepoint redeploys. Defaults to the table's "
                                    + "catalog identifier.");

    /**
     * Flink's own {@code sink.parallelism}: the Parquet writers' parallelism; the committer always
     * runs once.
     */
    public static final ConfigOption<Integer> SINK_PARALLELISM = FactoryUtil.SINK_PARALLELISM;

    // ------------------------------------------------------------------------------------------
    // Sink: files
    // ------------------------------------------------------------------------------------------

    public static final ConfigOption<MemorySize> SINK_TARGET_FILE_SIZE =
            ConfigOptions.key("sink.target-file-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("128mb"))
                    .withDescription(
                            "Size at which a writer closes a Parquet data file and starts the next one. "
                                    + "Files also close at every checkpoint and at end of input.");

    public static final ConfigOption<MemorySize> SINK_ROW_GROUP_SIZE =
            ConfigOptions.key("sink.row-group-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("128mb"))
                    .withDescription(
                            "Parquet row group size. A writer holds up to one row group per open file "
                                    + "in memory (compressed); Parquet scales row groups down when "
                                    + "the open files together would exceed most of the heap.");

    public static final ConfigOption<Integer> SINK_MAX_OPEN_FILES =
            ConfigOptions.key("sink.max-open-files")
                    .intType()
                    .defaultValue(32)
                    .withDescription(
                            "Data files one writer keeps open at once, one per partition it is "
                                    + "writing; a new partition beyond that first closes the largest "
                                    + "open file.");

    public static final ConfigOption<Integer> SINK_MAX_BUFFERED_CHANGES =
            ConfigOptions.key("sink.max-buffered-changes")
                    .intType()
                    .defaultValue(100_000)
                    .withDescription(
                            "Changelog sinks: distinct keys a writer folds in memory between checkpoints "
                                    + "before it hands the changes to the committer early.");

    public static final ConfigOption<Boolean> SINK_SCHEMA_EVOLUTION =
            ConfigOptions.key("sink.schema-evolution")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "When the declared schema has nullable columns the existing table lacks, add "
                                    + "them to the table before the first write (a metadata-only commit; "
                                    + "existing rows read them as NULL). Columns must keep their order, "
                                    + "types and nullability; new columns may not be NOT NULL. Any other "
                                    + "difference fails with a message that names it.");

    public static final ConfigOption<Integer> LOG_CHECKPOINT_INTERVAL =
            ConfigOptions.key("log.checkpoint-interval")
                    .intType()
                    .defaultValue(10)
                    .withDescription(
                            "Write a Delta log checkpoint every this many commits (table property "
                                    + "delta.checkpointInterval, set when the table is created).");

    // ------------------------------------------------------------------------------------------
    // Sink: what a write replaces
    // ------------------------------------------------------------------------------------------

    public static final ConfigOption<String> SINK_REPLACE_WHERE_COLUMN =
            ConfigOptions.key("sink.replace-where.column")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "INSERT OVERWRITE only: replace the rows whose value in this STRING column is "
                                    + "one of 'sink.replace-where.values' (and nothing else), instead of "
                                    + "whole partitions. For backfills that replace what their input covers, "
                                    + "such as the rows of the source files a run read. Every row written "
                                    + "must hold one of the values, or the job fails: a row outside the "
                                    + "scope would never be replaced by a rerun.");

    public static final ConfigOption<List<String>> SINK_REPLACE_WHERE_VALUES =
            ConfigOptions.key("sink.replace-where.values")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "The values of 'sink.replace-where.column' whose rows an INSERT OVERWRITE "
                                    + "replaces, separated by ';' (quote a value that holds ';'). Files whose "
                                    + "statistics put the column outside the values' range are not read; "
                                    + "a file holding both replaced and other rows is written again "
                                    + "without the replaced ones, in the same commit.");

    public static final ConfigOption<String> SINK_REPLACE_WHERE_FROM =
            ConfigOptions.key("sink.replace-where.from")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Instead of values: INSERT OVERWRITE replaces the rows whose TIMESTAMP or DATE "
                                    + "'sink.replace-where.column' is at or after this ISO date or date-time "
                                    + "(2024-03-01, 2024-03-01T06:00:00), and before 'sink.replace-where.until' "
                                    + "if set. For backfills of a time range; every row written must lie in it.");

    public static final ConfigOption<String> SINK_REPLACE_WHERE_UNTIL =
            ConfigOptions.key("sink.replace-where.until")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The end of the range of 'sink.replace-where.from', excluded (an ISO date or "
                                    + "date-time). Either end may be left open.");

    public static final ConfigOption<Boolean> SINK_REPLACE_ON_START =
            ConfigOptions.key("sink.replace-on-start")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "For a job that recomputes the whole table from its sources (a streaming "
                                    + "aggregate over a full snapshot): when the job starts without "
                                    + "restored state, its first commit replaces the table's contents "
                                    + "instead of changing them, so a fresh start never doubles a result. "
                                    + "Restored jobs change the table as usual.");

    public static final ConfigOption<String> SINK_REPLACE_ON_START_CATCH_UP_DIR =
            ConfigOptions.key("sink.replace-on-start.catch-up-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "With 'sink.replace-on-start': replace the table only at a checkpoint after "
                                    + "every source registered in this folder ('source.catch-up-dir') has read "
                                    + "its table's rows as of the start; until then the changes wait in the "
                                    + "sink's state. A fresh job then never replaces the table with a result "
                                    + "of half its input.");

    // ------------------------------------------------------------------------------------------
    // Sink: streaming writers
    // ------------------------------------------------------------------------------------------

    public static final ConfigOption<Duration> SINK_WRITER_LEASE =
            ConfigOptions.key("sink.writer-lease")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "Streaming changelog sinks (upserts, retractions): how long the table's writer lease "
                                    + "(_tributary/writer-lease.properties) holds without renewal. A running job "
                                    + "renews it every third of this from its first commit on and gives it up when it ends. While it holds, "
                                    + "another streaming job with a different lineage waits (it fails and "
                                    + "restarts), and an INSERT OVERWRITE not scoped by sink.replace-where is "
                                    + "refused, naming the job. A killed job's lease runs out after this long.");

    // ------------------------------------------------------------------------------------------
    // Source
    // ------------------------------------------------------------------------------------------

    public static final ConfigOption<Duration> SOURCE_MONITOR_INTERVAL =
            ConfigOptions.key("source.monitor-interval")
                    .durationType()
                    .noDefaultValue()
                    .withDescription(
                            "Read continuously: the latest snapshot, then every new commit, looking for "
                                    + "commits this often. Rows of added files arrive as inserts, rows of "
                                    + "removed files (overwrites, merges) as deletes. Unset: read the "
                                    + "latest snapshot and stop.");

    public static final ConfigOption<String> SOURCE_CATCH_UP_DIR =
            ConfigOptions.key("source.catch-up-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "A folder of the job's: once this source has read what the table held when "
                                    + "the job started (and what a restore left it), it says so there, for "
                                    + "sinks whose 'sink.replace-on-start.catch-up-dir' names the same folder.");
}
