package io.tributary.connector.delta;

import io.tributary.connector.delta.internal.DeltaChangelogWriterOperator;
import io.tributary.connector.delta.internal.DeltaCommittable;
import io.tributary.connector.delta.internal.DeltaCommittableTypeInfo;
import io.tributary.connector.delta.internal.DeltaCommitterOperator;
import io.tributary.connector.delta.internal.DeltaEngines;
import io.tributary.connector.delta.internal.DeltaSinkChecks;
import io.tributary.connector.delta.internal.DeltaSinkConfig;
import io.tributary.connector.delta.internal.DeltaTables;
import io.tributary.connector.delta.internal.DeltaWriterOperator;
import io.tributary.connector.delta.internal.RowKeys;
import io.tributary.connector.delta.internal.SchemaConversions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Writes {@link RowData} to a Delta Lake table, exactly once.
 *
 * <p>Inserts only (appends, or {@code INSERT OVERWRITE}):
 *
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
 *
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
 * completes; in batch mode, once at end of input. A missing table is created from the row type and
 * partition columns on the first commit; an existing table must have the same schema and
 * partitioning. An overwrite replaces the table, the partitions it writes, or with {@link
 * Builder#replaceWhere} the rows of its scope.
 *
 * <p>Beside the table, in {@code _tributary/}, the committer keeps {@code writer-lease.properties}
 * (a streaming changelog sink's claim on the table, see {@link DeltaWriterLease}) and {@code
 * pending/<writer>} (the staged files its checkpoints hold, which vacuum keeps).
 *
 * <p>Usage:
 *
 * <pre>{@code
 * DeltaSink.builder()
 *         .tablePath("s3://lake/silver/orders")
 *         .rowType(rowType)
 *         .primaryKey(List.of("id"))          // upserts by key; without one, appends
 *         .partitionColumns(List.of("day"))
 *         .sinkId("silver.orders")            // names the operators' uids and the Delta transactions
 *         .build()
 *         .addTo(rows);
 * }</pre>
 *
 * In SQL the same sink is {@code 'connector' = 'delta'} ({@link DeltaConnectorOptions}); the file
 * settings resolve through {@link DeltaWriteConf}.
 *
 * <p><b>Why operators, not Sink V2.</b> Flink's {@code TwoPhaseCommittingSink} committer is
 * stateless between checkpoints and retries a committable until it succeeds. This committer must
 * hold more: the lineage (the Delta transaction application id a fresh start chooses and every
 * restore keeps), the row type its pending changes were encoded with, the replace-on-start
 * checkpoint that waits for the sources' catch-up, and the refusal to go on after a restore from a
 * checkpoint older than the table's last commit (a Sink V2 committer cannot fail the job with a
 * reason at restore). A changelog sink also keys its writers by primary key before writing. Two
 * operators with explicit uids and versioned state ({@code DeltaCommittableSerializer}) give that
 * control; the topology stays what a Sink V2 sink with a global committer would be.
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
        SingleOutputStreamOperator<DeltaCommittable> written =
                config.changelog
                        ? input.keyBy(new RowKeys(config.rowType, config.primaryKey))
                                .transform(
                                        "delta-changelog-writer: " + config.tablePath,
                                        new DeltaCommittableTypeInfo(),
                                        new DeltaChangelogWriterOperator(config))
                                .uid("delta-changelog-writer-" + config.sinkId)
                        : input.transform(
                                        "delta-writer: " + config.tablePath,
                                        new DeltaCommittableTypeInfo(),
                                        new DeltaWriterOperator(config))
                                .uid("delta-writer-" + config.sinkId);
        if (writerParallelism != null) {
            written.setParallelism(writerParallelism);
        }
        SingleOutputStreamOperator<Void> committed =
                written.transform(
                                "delta-committer: " + config.tablePath,
                                TypeInformation.of(Void.class),
                                new DeltaCommitterOperator(config))
                        .uid("delta-committer-" + config.sinkId)
                        .setParallelism(1)
                        .setMaxParallelism(1);
        return committed
                .sinkTo(new DiscardingSink<>())
                .uid("delta-end-" + config.sinkId)
                .setParallelism(1);
    }

    /**
     * The validated settings the sink's operators run with; for tools that drive its committer
     * directly.
     */
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
        /** The settings as given; {@link #build()} validates them and derives the rest. */
        private final DeltaSinkConfig.Builder settings = DeltaSinkConfig.builder();

        private Integer writerParallelism;

        /**
         * Where the table is: {@code "s3://lake/silver/orders"}, {@code "file:///data/lake/gold/t"}
         * or a local path. Required.
         */
        public Builder tablePath(String tablePath) {
            settings.tablePath(tablePath);
            return this;
        }

        /**
         * The rows' type, the table's schema: {@code (RowType)
         * DataTypes.ROW(...).getLogicalType()}. Required.
         */
        public Builder rowType(RowType rowType) {
            settings.rowType(rowType);
            return this;
        }

        /** Columns the table is partitioned by, e.g. {@code List.of("day")}; never all columns. */
        public Builder partitionColumns(List<String> partitionColumns) {
            settings.partitionColumns(partitionColumns);
            return this;
        }

        /**
         * The table's primary key, e.g. {@code List.of("id")}: rows are upserted by it (the input
         * is then a changelog).
         */
        public Builder primaryKey(List<String> primaryKey) {
            settings.primaryKey(primaryKey);
            return this;
        }

        /**
         * {@code changelog(true)}: the input carries updates and deletes; with a primary key they
         * are merged by key, without one row by row (a delete removes one equal row). A primary key
         * implies a changelog.
         */
        public Builder changelog(boolean changelog) {
            settings.changelog(changelog);
            return this;
        }

        /**
         * {@code maxBufferedChanges(100_000)}: distinct keys a changelog writer folds before it
         * hands changes to the committer early.
         */
        public Builder maxBufferedChanges(int maxBufferedChanges) {
            settings.maxBufferedChanges(maxBufferedChanges);
            return this;
        }

        /**
         * {@code sinkId("silver.orders")}: the stable id of this writer. It names the operators'
         * uids ({@code delta-writer-<id>}, {@code delta-committer-<id>}) and, with the id of the
         * job that first started, the Delta transaction application id; change it and a savepoint
         * no longer restores the sink's state. Required.
         */
        public Builder sinkId(String sinkId) {
            settings.sinkId(sinkId);
            return this;
        }

        /**
         * {@code overwrite(true)}: replace what is written, the whole table or the partitions that
         * receive rows ({@code INSERT OVERWRITE}).
         */
        public Builder overwrite(boolean overwrite) {
            settings.overwrite(overwrite);
            return this;
        }

        /**
         * {@code schemaEvolution(true)}: adds the declared row type's new nullable columns to an
         * existing table that lacks them (a metadata-only commit; old rows read them as null). Any
         * other difference between the declaration and the table still fails.
         */
        public Builder schemaEvolution(boolean schemaEvolution) {
            settings.schemaEvolution(schemaEvolution);
            return this;
        }

        /**
         * {@code replaceWhere("source_file", files)}: with {@code INSERT OVERWRITE}, replace only
         * the rows whose {@code column} holds one of {@code values}, instead of whole partitions
         * (Delta's replaceWhere). Every row written must hold one of the values. A null column
         * keeps the partition overwrite.
         */
        public Builder replaceWhere(String column, List<String> values) {
            settings.replaceWhereColumn(column).replaceWhereValues(values);
            return this;
        }

        /**
         * {@code replaceWhereRange("ts", "2025-01-01", "2025-02-01")}: with {@code INSERT
         * OVERWRITE}, replace only the rows whose TIMESTAMP or DATE {@code column} lies in [{@code
         * from}, {@code until}) — ISO dates or date-times, either null for an open end — instead of
         * whole partitions. Every row written must lie in the range. For backfills of a time range
         * read from a database.
         */
        public Builder replaceWhereRange(String column, String from, String until) {
            settings.replaceWhereColumn(column).replaceWhereFrom(from).replaceWhereUntil(until);
            return this;
        }

        /**
         * {@code writerLease(Duration.ofSeconds(60))}: how long a streaming sink's claim on the
         * table holds without renewal (see {@link DeltaWriterLease}).
         */
        public Builder writerLease(Duration writerLease) {
            settings.writerLeaseMillis(writerLease.toMillis());
            return this;
        }

        /**
         * {@code replaceOnStart(true)}: a job started without restored state replaces the table
         * with its first commit; for jobs whose output is the whole table, recomputed from a full
         * read of their sources.
         */
        public Builder replaceOnStart(boolean replaceOnStart) {
            settings.replaceOnStart(replaceOnStart);
            return this;
        }

        /**
         * {@code replaceOnStartAfterCatchUp("s3://lake/_tributary/catch-up/sre")}: with {@link
         * #replaceOnStart}, replace the table only once every source registered in {@code
         * catchUpDir} has read its table's rows as of the start (see {@code source.catch-up-dir});
         * null replaces at the first checkpoint that carries rows.
         */
        public Builder replaceOnStartAfterCatchUp(String catchUpDir) {
            settings.replaceOnStartCatchUpDir(catchUpDir);
            return this;
        }

        /**
         * {@code targetFileSize(128L << 20)}: bytes at which a data file is closed and the next one
         * started.
         */
        public Builder targetFileSize(long bytes) {
            settings.targetFileSize(bytes);
            return this;
        }

        /** {@code rowGroupSize(128L << 20)}: the Parquet row group size in bytes. */
        public Builder rowGroupSize(long bytes) {
            settings.rowGroupSize(bytes);
            return this;
        }

        /**
         * {@code maxOpenFiles(32)}: data files a writer keeps open at once (one per partition it
         * writes).
         */
        public Builder maxOpenFiles(int maxOpenFiles) {
            settings.maxOpenFiles(maxOpenFiles);
            return this;
        }

        /**
         * {@code logCheckpointInterval(10)}: a Delta log checkpoint every this many commits, for a
         * table this sink creates.
         */
        public Builder logCheckpointInterval(int logCheckpointInterval) {
            settings.logCheckpointInterval(logCheckpointInterval);
            return this;
        }

        /**
         * {@code writerParallelism(4)}: the writers' parallelism; null follows the input's. The
         * committer always runs once.
         */
        public Builder writerParallelism(Integer writerParallelism) {
            this.writerParallelism = writerParallelism;
            return this;
        }

        /** {@code kernelConf(Map.of(...))}: settings passed to Delta Kernel's default engine. */
        public Builder kernelConf(Map<String, String> kernelConf) {
            settings.kernelConf(kernelConf);
            return this;
        }

        /**
         * Checks that the settings fit together and builds the sink; a misfit fails naming it and
         * the fix.
         */
        public DeltaSink build() {
            DeltaSinkConfig given = settings.build();
            DeltaSinkChecks.check(given, writerParallelism);
            // An overwrite replaces the table (or its partitions) with final rows, key or not.
            boolean changelog =
                    given.changelog || (!given.primaryKey.isEmpty() && !given.overwrite);
            SchemaConversions.toDelta(given.rowType); // fails early on unsupported types
            return new DeltaSink(
                    given.resolved(DeltaEngines.qualify(given.tablePath), changelog),
                    writerParallelism);
        }
    }
}
