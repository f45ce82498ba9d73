package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.FaultyS3Proxy;
import io.tributary.connector.delta.testutils.FaultyS3Proxy.Fault;
import io.tributary.connector.delta.testutils.InJvmS3;
import io.tributary.connector.delta.testutils.MiniClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.restartstrategy.RestartStrategies;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * S3 faults under a streaming job: through a proxy of our own, S3 answers some requests with {@code
 * 503 Slow Down} and loses the answers of some puts it carried out — of data files, and of the
 * Delta log's put-if-absent commits, so the writer cannot tell whether its commit went in. Clients
 * retry; what a retry cannot fix (an outage of many 503s in a row) fails the job, which restarts
 * from its last checkpoint. An append table and an upserted table must end exactly as the input
 * gives them: no row lost or doubled, no file the log names missing (a lost commit answer once made
 * the committer delete the files of its own commit, D9). The kills of whole jobs are in the
 * pipelines' fault harness.
 */
class DeltaS3FaultsITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(4);

    @RegisterExtension static final InJvmS3 S3 = new InJvmS3("lake").throughFaultyProxy();

    private static final RowType APPENDED =
            (RowType) DataTypes.ROW(DataTypes.FIELD("id", DataTypes.BIGINT())).getLogicalType();
    private static final RowType LATEST =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("k", DataTypes.BIGINT().notNull()),
                                    DataTypes.FIELD("id", DataTypes.BIGINT()))
                            .getLogicalType();
    private static final long ROWS = 6_000;
    private static final long KEYS = 150;
    private static final int ROWS_PER_CHECKPOINT = 1_000;

    /** At most, of each kind. */
    private static final int FAULTS = 6;

    @Test
    void throttlingAndLostAnswersNeitherLoseNorDoubleARow() throws Exception {
        String appended = "s3://lake/faults/appended";
        String latest = "s3://lake/faults/latest";
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.setRestartStrategy(
                RestartStrategies.fixedDelayRestart(1_000, Time.of(50, TimeUnit.MILLISECONDS)));
        // A checkpoint's worth of rows at a time: the job spans ROWS / ROWS_PER_CHECKPOINT
        // commits of each table however fast or slow the machine is, and so meets every kind of
        // fault (a rate per second gave a slow machine too few commits to reach an outage).
        DataGeneratorSource<Long> source =
                new DataGeneratorSource<>(
                        id -> id,
                        ROWS,
                        RateLimiterStrategy.perCheckpoint(ROWS_PER_CHECKPOINT),
                        org.apache.flink.api.common.typeinfo.Types.LONG);
        DataStream<Long> ids =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "ids").setParallelism(1);
        DeltaSink.builder()
                .tablePath(appended)
                .rowType(APPENDED)
                .sinkId("appended")
                .build()
                .addTo(
                        ids.map(
                                        id -> (RowData) GenericRowData.of(id),
                                        InternalTypeInfo.of(APPENDED))
                                .setParallelism(1));
        DeltaSink.builder()
                .tablePath(latest)
                .rowType(LATEST)
                .primaryKey(List.of("k"))
                .sinkId("latest")
                .build()
                .addTo(
                        ids.map(
                                        id -> (RowData) GenericRowData.of(id % KEYS, id),
                                        InternalTypeInfo.of(LATEST))
                                .setParallelism(1));

        FaultyS3Proxy proxy = S3.faults();
        // Often enough that six commits of each table meet every kind.
        proxy.arm(
                Map.of(
                        Fault.SLOW_DOWN,
                        9,
                        Fault.OUTAGE,
                        25,
                        Fault.LOG_ANSWER_LOST,
                        3,
                        Fault.FILE_ANSWER_LOST,
                        4),
                FAULTS);
        try {
            env.execute("s3 faults");
        } finally {
            proxy.disarm();
        }
        StringBuilder figures = new StringBuilder("S3 faults: " + proxy.requests() + " requests");
        for (Fault fault : Fault.values()) {
            figures.append("; ")
                    .append(proxy.injected(fault))
                    .append(" × ")
                    .append(fault.description);
        }
        System.out.println(figures + "\n  " + String.join("\n  ", proxy.journal()));
        for (Fault fault : Fault.values()) {
            assertThat(proxy.injected(fault)).as(figures.toString()).isPositive();
        }

        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(
                "CREATE TABLE appended (id BIGINT) WITH ('connector' = 'delta', 'path' = '"
                        + appended
                        + "')");
        batch.executeSql(
                "CREATE TABLE latest (k BIGINT NOT NULL, id BIGINT, PRIMARY KEY (k) NOT ENFORCED)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + latest
                        + "')");
        assertThat(
                        rows(
                                batch,
                                "SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id) FROM appended"))
                .as("every id once, every file the log names readable")
                .containsExactly("+I[" + ROWS + ", " + ROWS + ", 0, " + (ROWS - 1) + "]");
        Map<Long, Long> expected = new TreeMap<>();
        for (long id = 0; id < ROWS; id++) {
            expected.put(id % KEYS, id);
        }
        List<String> expectedRows = new ArrayList<>();
        expected.forEach((k, id) -> expectedRows.add("+I[" + k + ", " + id + "]"));
        assertThat(rows(batch, "SELECT k, id FROM latest ORDER BY k"))
                .as("each key's last id")
                .isEqualTo(expectedRows);
    }

    private static List<String> rows(TableEnvironment tEnv, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
