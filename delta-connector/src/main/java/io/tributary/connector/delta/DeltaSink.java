package io.tributary.connector.delta;

import io.tributary.connector.delta.internal.DeltaChangelogWriterOperator;
import io.tributary.connector.delta.internal.DeltaCommittable;
import io.tributary.connector.delta.internal.DeltaCommittableTypeInfo;
import io.tributary.connector.delta.internal.DeltaCommitterOperator;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.DeltaSinkConfig;
import io.tributary.connector.delta.internal.ReplaceWhere;
import io.tributary.connector.delta.internal.DeltaTables;
import io.tributary.connector.delta.internal.DeltaWriterOperator;
import io.tributary.connector.delta.internal.RowKeys;
import io.tributary.connector.delta.internal.SchemaConversions;

import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link RowData} to a Delta Lake table, exactly once.
 *
 * <p>Inserts only (appends, or {@code INSERT OVERWRITE}):
 * <pre>
 *                 +-----------------------+       +---------------------------+
 *   RowData  ---> | delta-writer (N)      | ----> | delta-committer (1)       | ---> discard
 *                 | Parquet file per      |  files| state: files per checkpoint|
 *                 | partition, closed     |       | commit on checkpoint done |
 *                 | before every barrier  |       | txn id = (sink id, ckpt)  |
 *                 +-----------------------+       +---------------------------+
 *   uids:         "delta-writer-&lt;sink id&gt;"          "delta-committer-&lt;sink id&gt;"
 * </pre>
 *
 * <p>A changelog (a table with a primary key, or updates and deletes into one without):
 * <pre>
 *              keyBy        +-----------------------+          +------------------------------+
 *   RowData --(key or row)->| delta-changelog-      | -------> | delta-committer (1)          |
 *   +I -U +U -D             | writer (N): one change|  changes | state: changes per checkpoint|
 *                           | per key per checkpoint|          | copy-on-write: rewrite the   |
 *                           +-----------------------+          | files holding changed keys,  |
 *   uids:   "delta-changelog-writer-&lt;sink id&gt;"                | remove + add in one commit   |
 *                                                              +------------------------------+
 * </pre>
 *
 * <p>In streaming mode, files and changes are committed when the checkpoint they belong to
 * completes; in batch mode, once at end of input. A missing table is created from the row type
 * and partition columns on the first commit; an existing table must have the same schema and
 * partitioning. An overwrite replaces the table, the partitions it writes, or with
 * {@link Builder#replaceWhere} the rows of its scope.
 *
 * <p>Beside the table, in {@code _tributary/}, the committer keeps {@code writer-lease.properties}
 * (a streaming changelog sink's claim on the table, see {@link DeltaWriterLease}) and
 * {@code pending/<writer>} (the staged files its checkpoints hold, which vacuum keeps).
 */
@PublicEvolving
public final class DeltaSink {
    private final DeltaSinkConfig config;
    private final Integer writerParallelism;

    private DeltaSink(DeltaSinkConfig config, Integer writerParallelism) {
        this.config = config;
        this.writerParallelism = writerParallelism;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds the writer and committer operators after {@code input}. */
    public DataStreamSink<Void> addTo(DataStream<RowData> input) {
        SingleOutputStreamOperator<DeltaCommittable> written = config.changelog
                ? input.keyBy(new RowKeys(config.rowType, config.primaryKey))
                        .transform("delta-changelog-writer: " + config.tablePath,
                                new DeltaCommittableTypeInfo(), new DeltaChangelogWriterOperator(config))
                        .uid("delta-changelog-writer-" + config.sinkId)
                : input.transform("delta-writer: " + config.tablePath, new DeltaCommittableTypeInfo(),
                                new DeltaWriterOperator(config))
                        .uid("delta-writer-" + config.sinkId);
        if (writerParallelism != null) {
            written.setParallelism(writerParallelism);
        }
        SingleOutputStreamOperator<Void> committed = written
                .transform("delta-committer: " + config.tablePath, TypeInformation.of(Void.class),
                        new DeltaCommitterOperator(config))
                .uid("delta-committer-" + config.sinkId)
                .setParallelism(1)
                .setMaxParallelism(1);
        return committed.sinkTo(new DiscardingSink<>()).uid("delta-end-" + config.sinkId).setParallelism(1);
    }

    /** The validated settings the sink's operators run with; for tools that drive its committer directly. */
    @Internal
    public DeltaSinkConfig config() {
        return config;
    }

    /**
     * Creates the table, empty, unless it exists (then checks it fits the declaration): for jobs
     * that read a table they also write, which must find it before their first commit.
     */
    public void createTableIfAbsent() {
        DeltaTables.createIfAbsent(config);
    }

    /** Builds a {@link DeltaSink}; {@link #build()} checks the settings fit together. */
    @PublicEvolving
    public static final class Builder {
        private String tablePath;
        private RowType rowType;
        private List<String> partitionColumns = new ArrayList<>();
        private List<String> primaryKey = new ArrayList<>();
        private boolean changelog;
        private int maxBufferedChanges = DeltaConnectorOptions.SINK_MAX_BUFFERED_CHANGES.defaultValue();
        private String sinkId;
        private boolean overwrite;
        private boolean replaceOnStart;
        private String replaceOnStartCatchUpDir;
        private boolean schemaEvolution;
        private Duration writerLease = DeltaConnectorOptions.SINK_WRITER_LEASE.defaultValue();
        private String replaceWhereColumn;
        private List<String> replaceWhereValues = new ArrayList<>();
        private String replaceWhereFrom;
        private String replaceWhereUntil;
        private long targetFileSize = DeltaConnectorOptions.SINK_TARGET_FILE_SIZE.defaultValue().getBytes();
        private long rowGroupSize = DeltaConnectorOptions.SINK_ROW_GROUP_SIZE.defaultValue().getBytes();
        private int maxOpenFiles = DeltaConnectorOptions.SINK_MAX_OPEN_FILES.defaultValue();
        private int logCheckpointInterval = DeltaConnectorOptions.LOG_CHECKPOINT_INTERVAL.defaultValue();
        private Integer writerParallelism;
        private Map<String, String> kernelConf = new HashMap<>();

        public Builder tablePath(String tablePath) {
            this.tablePath = tablePath;
            return this;
        }

        public Builder rowType(RowType rowType) {
            this.rowType = rowType;
            return this;
        }

        public Builder partitionColumns(List<String> partitionColumns) {
            this.partitionColumns = new ArrayList<>(partitionColumns);
            return this;
        }

        /** The table's primary key: rows are upserted by it (the input is then a changelog). */
        public Builder primaryKey(List<String> primaryKey) {
            this.primaryKey = new ArrayList<>(primaryKey);
            return this;
        }

        /**
         * The input carries updates and deletes: with a primary key they are merged by key, without
         * one row by row (a delete removes one equal row). A primary key implies a changelog.
         */
        public Builder changelog(boolean changelog) {
            this.changelog = changelog;
            return this;
        }

        /** Distinct keys a changelog writer folds before it hands changes to the committer early. */
        public Builder maxBufferedChanges(int maxBufferedChanges) {
            this.maxBufferedChanges = maxBufferedChanges;
            return this;
        }

        public Builder sinkId(String sinkId) {
            this.sinkId = sinkId;
            return this;
        }

        /** Replace what is written: the whole table, or the partitions that receive rows. */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /**
         * Adds the declared row type's new nullable columns to an existing table that lacks them
         * (a metadata-only commit; old rows read them as null). Any other difference between the
         * declaration and the table still fails.
         */
        public Builder schemaEvolution(boolean schemaEvolution) {
            this.schemaEvolution = schemaEvolution;
            return this;
        }

        /**
         * With {@code INSERT OVERWRITE}: replace only the rows whose {@code column} holds one of
         * {@code values}, instead of whole partitions (Delta's replaceWhere). Every row written must
         * hold one of the values. A null column keeps the partition overwrite.
         */
        public Builder replaceWhere(String column, List<String> values) {
            this.replaceWhereColumn = column;
            this.replaceWhereValues = new ArrayList<>(values);
            return this;
        }

        /**
         * With {@code INSERT OVERWRITE}: replace only the rows whose TIMESTAMP or DATE {@code column}
         * lies in [{@code from}, {@code until}) — ISO dates or date-times, either null for an open
         * end — instead of whole partitions. Every row written must lie in the range. For backfills
         * of a time range read from a database.
         */
        public Builder replaceWhereRange(String column, String from, String until) {
            this.replaceWhereColumn = column;
            this.replaceWhereFrom = from;
            this.replaceWhereUntil = until;
            return this;
        }

        /** How long a streaming sink's claim on the table holds without renewal (see {@link DeltaWriterLease}). */
        public Builder writerLease(Duration writerLease) {
            this.writerLease = writerLease;
            return this;
        }

        /**
         * A job started without restored state replaces the table with its first commit: for jobs
         * whose output is the whole table, recomputed from a full read of their sources.
         */
        public Builder replaceOnStart(boolean replaceOnStart) {
            this.replaceOnStart = replaceOnStart;
            return this;
        }

        /**
         * With {@link #replaceOnStart}: replace the table only once every source registered in
         * {@code catchUpDir} has read its table's rows as of the start (see
         * {@code source.catch-up-dir}); null replaces at the first checkpoint that carries rows.
         */
        public Builder replaceOnStartAfterCatchUp(String catchUpDir) {
            this.replaceOnStartCatchUpDir = catchUpDir;
            return this;
        }

        /** Bytes at which a data file is closed and the next one started. */
        public Builder targetFileSize(long bytes) {
            this.targetFileSize = bytes;
            return this;
        }

        public Builder rowGroupSize(long bytes) {
            this.rowGroupSize = bytes;
            return this;
        }

        /** Data files a writer keeps open at once (one per partition it writes). */
        public Builder maxOpenFiles(int maxOpenFiles) {
            this.maxOpenFiles = maxOpenFiles;
            return this;
        }

        public Builder logCheckpointInterval(int logCheckpointInterval) {
            this.logCheckpointInterval = logCheckpointInterval;
            return this;
        }

        public Builder writerParallelism(Integer writerParallelism) {
            this.writerParallelism = writerParallelism;
            return this;
        }

        /** Settings passed to Delta Kernel's default engine, e.g. its Parquet target file size. */
        public Builder kernelConf(Map<String, String> kernelConf) {
            this.kernelConf = new HashMap<>(kernelConf);
            return this;
        }

        public DeltaSink build() {
            require(tablePath != null && !tablePath.isBlank(), "a table path is required");
            require(rowType != null, "a row type is required");
            require(sinkId != null && !sinkId.isBlank(), "a sink id is required (it names the Delta transaction)");
            require(targetFileSize > 0, "the target file size must be positive, got " + targetFileSize);
            require(rowGroupSize > 0, "the row group size must be positive, got " + rowGroupSize);
            require(maxOpenFiles > 0, "max open files must be positive, got " + maxOpenFiles);
            require(logCheckpointInterval > 0, "the log checkpoint interval must be positive, got " + logCheckpointInterval);
            require(writerParallelism == null || writerParallelism > 0, "writer parallelism must be positive");
            require(writerLease.toMillis() >= 3, "the writer lease must be positive, got " + writerLease);
            for (String column : partitionColumns) {
                require(rowType.getFieldNames().contains(column),
                        "partition column '" + column + "' is not a column of " + rowType.getFieldNames());
            }
            require(partitionColumns.size() < rowType.getFieldCount(),
                    "at least one column must not be a partition column");
            for (String column : primaryKey) {
                require(rowType.getFieldNames().contains(column),
                        "primary key column '" + column + "' is not a column of " + rowType.getFieldNames());
            }
            require(maxBufferedChanges > 0, "max buffered changes must be positive, got " + maxBufferedChanges);
            require(replaceOnStartCatchUpDir == null || replaceOnStart,
                    "a replace-on-start catch-up folder needs replace-on-start");
            require(!(replaceOnStart && overwrite),
                    "replace-on-start is for streaming INSERT INTO; INSERT OVERWRITE replaces anyway");
            require(!(changelog && overwrite),
                    "INSERT OVERWRITE replaces rows wholesale and cannot take a changelog; use INSERT INTO");
            if (replaceWhereColumn != null) {
                int index = rowType.getFieldNames().indexOf(replaceWhereColumn);
                require(index >= 0, "replace-where column '" + replaceWhereColumn + "' is not a column of "
                        + rowType.getFieldNames());
                require(overwrite, "replace-where applies to INSERT OVERWRITE; INSERT INTO never replaces rows");
                validateScope(rowType.getTypeAt(index));
            } else {
                require(replaceWhereValues.isEmpty() && replaceWhereFrom == null && replaceWhereUntil == null,
                        "replace-where values or a range need a replace-where column");
            }
            // An overwrite replaces the table (or its partitions) with final rows, key or not.
            boolean isChangelog = changelog || (!primaryKey.isEmpty() && !overwrite);
            SchemaConversions.toDelta(rowType); // fails early on unsupported types
            DeltaSinkConfig config = DeltaSinkConfig.builder()
                    .tablePath(DeltaEngines.qualify(tablePath))
                    .rowType(rowType)
                    .partitionColumns(partitionColumns)
                    .primaryKey(primaryKey)
                    .changelog(isChangelog)
                    .maxBufferedChanges(maxBufferedChanges)
                    .sinkId(sinkId)
                    .overwrite(overwrite)
                    .replaceOnStart(replaceOnStart)
                    .replaceOnStartCatchUpDir(replaceOnStartCatchUpDir)
                    .schemaEvolution(schemaEvolution)
                    .replaceWhereColumn(replaceWhereColumn)
                    .replaceWhereValues(replaceWhereValues)
                    .replaceWhereFrom(replaceWhereFrom)
                    .replaceWhereUntil(replaceWhereUntil)
                    .writerLeaseMillis(writerLease.toMillis())
                    .targetFileSize(targetFileSize)
                    .rowGroupSize(rowGroupSize)
                    .maxOpenFiles(maxOpenFiles)
                    .logCheckpointInterval(logCheckpointInterval)
                    .kernelConf(kernelConf)
                    .build();
            return new DeltaSink(config, writerParallelism);
        }

        /** A scope is values of a STRING column, or a range of a TIMESTAMP or DATE column, never both. */
        private void validateScope(LogicalType type) {
            boolean range = replaceWhereFrom != null || replaceWhereUntil != null;
            if (!range) {
                require(type.getTypeRoot().getFamilies().contains(LogicalTypeFamily.CHARACTER_STRING),
                        "replace-where column '" + replaceWhereColumn + "' must be a STRING column for values "
                                + "(or a TIMESTAMP or DATE column for a range), not " + type);
                return;
            }
            require(replaceWhereValues.isEmpty(), "replace-where takes values or a range (from/until), not both");
            require(type.getTypeRoot() == LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE
                            || type.getTypeRoot() == LogicalTypeRoot.DATE,
                    "a replace-where range needs a TIMESTAMP or DATE column; '" + replaceWhereColumn + "' is " + type);
            Long from = replaceWhereFrom == null ? null : rangeBound("from", replaceWhereFrom, type);
            Long until = replaceWhereUntil == null ? null : rangeBound("until", replaceWhereUntil, type);
            require(from == null || until == null || from < until, "the replace-where range is empty: from "
                    + replaceWhereFrom + " is not before until " + replaceWhereUntil);
        }

        private static long rangeBound(String which, String text, LogicalType type) {
            try {
                return ReplaceWhere.bound(text, type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("replace-where " + which + ": " + e.getMessage(), e);
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException("Invalid Delta sink: " + message);
            }
        }
    }
}
