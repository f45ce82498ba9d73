package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.internal.DeltaCommittable;
import io.tributary.connector.delta.internal.DeltaCommitter;
import io.tributary.connector.delta.internal.DeltaSinkConfig;
import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a streaming job after it has committed, restarts it from its checkpoint, and counts rows.
 */
class DeltaSinkExactlyOnceITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    private static final RowType ROW_TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("id", DataTypes.BIGINT()),
                                    DataTypes.FIELD("bucket", DataTypes.STRING()))
                            .getLogicalType();
    private static final RowType KEYED_TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("k", DataTypes.BIGINT().notNull()),
                                    DataTypes.FIELD("v", DataTypes.BIGINT()))
                            .getLogicalType();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicLong VERSION_AT_LAST_FAILURE = new AtomicLong();

    @TempDir Path dir;

    @Test
    void failuresAfterCommitsNeitherDuplicateNorLoseRows() throws Exception {
        long rows = 20_000;
        String table = dir.resolve("numbers").toString();
        StreamExecutionEnvironment env = environmentWithPlannedFailures(3);
        DeltaSink sink =
                DeltaSink.builder()
                        .tablePath(table)
                        .rowType(ROW_TYPE)
                        .partitionColumns(List.of("bucket"))
                        .sinkId("numbers-job")
                        .targetFileSize(16 * 1024)
                        .build();
        sink.addTo(
                ids(env, rows)
                        .map(
                                new FailAfterCommits(
                                        table,
                                        rows,
                                        id ->
                                                GenericRowData.of(
                                                        id, StringData.fromString("b" + (id % 4)))))
                        .returns(InternalTypeInfo.of(ROW_TYPE)));
        env.execute("exactly-once");

        assertThat(FAILURES_LEFT.get()).as("every planned failure happened").isZero();
        List<Long> counts =
                query("SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id) FROM t", table);
        assertThat(counts).containsExactly(rows, rows, 0L, rows - 1);
        assertThat(DeltaTableInfo.load(table, Map.of()).orElseThrow().version())
                .as("several commits happened")
                .isGreaterThan(3);
    }

    @Test
    void failuresAfterCopyOnWriteCommitsLoseNoUpdate() throws Exception {
        long rows = 20_000;
        int block =
                40; // ids of one key are contiguous, so one source split holds them all, in order
        String table = dir.resolve("latest").toString();
        StreamExecutionEnvironment env = environmentWithPlannedFailures(3);
        DeltaSink sink =
                DeltaSink.builder()
                        .tablePath(table)
                        .rowType(KEYED_TYPE)
                        .primaryKey(List.of("k"))
                        .sinkId("latest-job")
                        .targetFileSize(4 * 1024)
                        .build();
        sink.addTo(
                ids(env, rows)
                        .map(
                                new FailAfterCommits(
                                        table, rows, id -> GenericRowData.of(id / block, id)))
                        .returns(InternalTypeInfo.of(KEYED_TYPE)));
        env.execute("exactly-once upserts");

        assertThat(FAILURES_LEFT.get()).as("every planned failure happened").isZero();
        long keys = rows / block;
        long lastIds = 0;
        for (long k = 0; k < keys; k++) {
            lastIds += k * block + block - 1;
        }
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE t (k BIGINT, v BIGINT) WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        try (CloseableIterator<Row> it =
                tEnv.executeSql("SELECT COUNT(*), COUNT(DISTINCT k), SUM(v) FROM t").collect()) {
            assertThat(it.next().toString())
                    .as("one row per key, holding the key's last id")
                    .isEqualTo("+I[" + keys + ", " + keys + ", " + lastIds + "]");
        }
    }

    @Test
    void aReplayedCommitIsSkipped() throws Exception {
        String table = dir.resolve("replayed").toString();
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE src (id BIGINT, bucket STRING) WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        tEnv.executeSql("INSERT INTO src VALUES (1, 'a'), (2, 'b')").await();
        DeltaSinkConfig config =
                DeltaSink.builder()
                        .tablePath(table)
                        .rowType(ROW_TYPE)
                        .sinkId("replay")
                        .build()
                        .config();
        DeltaTableInfo before = DeltaTableInfo.load(table, Map.of()).orElseThrow();
        // Re-adding the same files under a transaction id that already committed must change
        // nothing.
        DeltaCommitter committer = new DeltaCommitter(config);
        List<DeltaCommittable> none = new ArrayList<>();
        assertThat(committer.commit(none, "replay", 7)).isPresent();
        assertThat(committer.commit(none, "replay", 7)).as("same (app id, version)").isEmpty();
        assertThat(committer.commit(none, "replay", 6)).as("an older version").isEmpty();
        assertThat(committer.commit(none, "replay", 8)).isPresent();
        assertThat(DeltaTableInfo.load(table, Map.of()).orElseThrow().rows())
                .isEqualTo(before.rows());
    }

    /**
     * Checkpoints every 100 ms, restarts after failures, and {@code failures} planned ones ahead.
     */
    private static StreamExecutionEnvironment environmentWithPlannedFailures(int failures) {
        FAILURES_LEFT.set(failures);
        VERSION_AT_LAST_FAILURE.set(-1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(failures + 2, 10));
        return env;
    }

    /** Ids 0 to rows - 1, throttled so that checkpoints and commits interleave with the rows. */
    private static DataStream<Long> ids(StreamExecutionEnvironment env, long rows) {
        DataGeneratorSource<Long> ids =
                new DataGeneratorSource<>(
                        id -> id, rows, RateLimiterStrategy.perSecond(4_000), Types.LONG);
        return env.fromSource(ids, WatermarkStrategy.noWatermarks(), "ids");
    }

    private static List<Long> query(String sql, String table) throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE t (id BIGINT, bucket STRING) PARTITIONED BY (bucket) WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        List<Long> values = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            Row row = it.next();
            for (int i = 0; i < row.getArity(); i++) {
                values.add((Long) row.getField(i));
            }
        }
        return values;
    }

    /**
     * Fails the job at a row once the table has gained a version since the last failure, so every
     * failure strikes after a commit, with more files staged; the restart must neither replay
     * committed rows nor lose staged ones.
     */
    private static final class FailAfterCommits implements MapFunction<Long, RowData> {
        private final String table;
        private final long rows;
        private final SerializableFunction<Long, RowData> toRow;

        FailAfterCommits(String table, long rows, SerializableFunction<Long, RowData> toRow) {
            this.table = table;
            this.rows = rows;
            this.toRow = toRow;
        }

        @Override
        public RowData map(Long id) {
            if (id % 100 == 0 && id < rows - 2_000 && FAILURES_LEFT.get() > 0) {
                long version =
                        DeltaTableInfo.load(table, Map.of())
                                .map(DeltaTableInfo::version)
                                .orElse(-1L);
                long last = VERSION_AT_LAST_FAILURE.get();
                if (version > last
                        && VERSION_AT_LAST_FAILURE.compareAndSet(last, version)
                        && FAILURES_LEFT.getAndDecrement() > 0) {
                    throw new IllegalStateException(
                            "planned failure after table version " + version);
                }
            }
            return toRow.apply(id);
        }
    }

    private interface SerializableFunction<T, R>
            extends java.util.function.Function<T, R>, java.io.Serializable {}
}
