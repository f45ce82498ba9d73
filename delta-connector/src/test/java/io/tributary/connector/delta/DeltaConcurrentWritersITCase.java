package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.InJvmS3;
import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two streaming jobs append to one table, committing every few milliseconds, while a backfill
 * overwrites another partition of it again and again: every commit of every job must be in the
 * table at the end, on a local disk and on S3. A commit that fails loudly (on S3Proxy, when two
 * conditional puts pass its check at once) is retried by the job's restart from its checkpoint. How
 * many commits race here depends on the machine's speed, so nothing is asserted of it: the races
 * themselves are forced, one interleaving at a time, in {@code DeltaCommitterRaceTest}.
 */
class DeltaConcurrentWritersITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(4);

    private static final RowType ROW_TYPE =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("id", DataTypes.BIGINT()),
                                    DataTypes.FIELD("writer", DataTypes.STRING()))
                            .getLogicalType();
    private static final long ROWS = 3_000;
    private static final int BACKFILLS = 3;
    @RegisterExtension static final InJvmS3 S3 = new InJvmS3("lake");
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void noCommitOfAnyWriterIsLost(String store) throws Exception {
        String table = "s3".equals(store) ? "s3://lake/raced" : dir.resolve("raced").toString();
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.getConfig().set("restart-strategy.type", "fixed-delay");
        batch.getConfig().set("restart-strategy.fixed-delay.attempts", "3");
        batch.executeSql(
                "CREATE TABLE t (id BIGINT, writer STRING) PARTITIONED BY (writer)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + table
                        + "')");
        batch.executeSql("INSERT INTO t VALUES (0, 'backfill')").await();

        JobClient a = appender(table, "a");
        JobClient b = appender(table, "b");
        for (int run = 1; run <= BACKFILLS; run++) {
            batch.executeSql(
                            "INSERT OVERWRITE t SELECT id, 'backfill' FROM (VALUES "
                                    + values(run)
                                    + ") AS v(id)")
                    .await();
        }
        a.getJobExecutionResult().get();
        b.getJobExecutionResult().get();

        assertThat(
                        rows(
                                batch,
                                "SELECT writer, COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id) FROM t GROUP BY writer"))
                .containsExactlyInAnyOrder(
                        "+I[a, " + ROWS + ", " + ROWS + ", 0, " + (ROWS - 1) + "]",
                        "+I[b, " + ROWS + ", " + ROWS + ", 0, " + (ROWS - 1) + "]",
                        "+I[backfill, " + BACKFILLS + ", " + BACKFILLS + ", 1, " + BACKFILLS + "]");
    }

    /**
     * A streaming job appending ids 0 to ROWS - 1 as writer {@code name}, committing every 20 ms.
     */
    private static JobClient appender(String table, String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(1);
        env.enableCheckpointing(20);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 10));
        DataGeneratorSource<RowData> source =
                new DataGeneratorSource<>(
                        id -> GenericRowData.of(id, StringData.fromString(name)),
                        ROWS,
                        RateLimiterStrategy.perSecond(1_500),
                        InternalTypeInfo.of(ROW_TYPE));
        DeltaSink.builder()
                .tablePath(table)
                .rowType(ROW_TYPE)
                .partitionColumns(List.of("writer"))
                .sinkId("appender-" + name)
                .build()
                .addTo(env.fromSource(source, WatermarkStrategy.noWatermarks(), "ids " + name));
        return env.executeAsync("append " + name);
    }

    /** Ids 1 to {@code n}: each backfill replaces the partition with one more row. */
    private static String values(int n) {
        List<String> values = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            values.add("(CAST(" + i + " AS BIGINT))");
        }
        return String.join(", ", values);
    }

    private static List<String> rows(TableEnvironment tEnv, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
