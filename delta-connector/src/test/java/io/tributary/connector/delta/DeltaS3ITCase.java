package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.InJvmS3;
import io.tributary.connector.delta.testutils.MiniClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writes and reads a Delta table on an S3 API through Flink's S3 file system. */
class DeltaS3ITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    @RegisterExtension static final InJvmS3 S3 = new InJvmS3("lake");

    @Test
    void writesReadsAndOverwritesATableOnS3() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE events (id BIGINT, kind STRING, dt DATE) PARTITIONED BY (dt) "
                        + "WITH ('connector' = 'delta', 'path' = 's3://lake/silver/events')");
        tEnv.executeSql(
                        "INSERT INTO events VALUES (1, 'a', DATE '2024-01-01'), (2, 'b', DATE '2024-01-02'),"
                                + " (3, 'c', DATE '2024-01-02')")
                .await();
        tEnv.executeSql("INSERT OVERWRITE events VALUES (4, 'd', DATE '2024-01-02')").await();

        assertThat(rows(tEnv, "SELECT id, kind, dt FROM events ORDER BY id"))
                .containsExactly("+I[1, a, 2024-01-01]", "+I[4, d, 2024-01-02]");
        assertThat(rows(tEnv, "SELECT id FROM events WHERE dt = DATE '2024-01-01'"))
                .containsExactly("+I[1]");

        List<String> keys = new ArrayList<>();
        for (StorageMetadata m :
                S3.blobs().list("lake", ListContainerOptions.Builder.recursive())) {
            keys.add(m.getName());
        }
        assertThat(keys)
                .contains(
                        "silver/events/_delta_log/00000000000000000000.json",
                        "silver/events/_delta_log/00000000000000000001.json");
        assertThat(keys)
                .anyMatch(
                        k ->
                                k.startsWith("silver/events/dt=2024-01-02/")
                                        && k.endsWith(".parquet"));
        DeltaTableInfo info =
                DeltaTableInfo.load("s3://lake/silver/events", Map.of()).orElseThrow();
        assertThat(info.version()).isEqualTo(1);
        assertThat(info.rows()).isEqualTo(2);
    }

    /**
     * Loading a snapshot lists the log from its last checkpoint on (StartAfter), not the whole
     * folder: with thousands of older entries the load pages through a handful of keys. Counted,
     * not timed.
     */
    @Test
    void aSnapshotLoadListsTheLogFromItsLastCheckpointOnly() throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE logged (id BIGINT) WITH ('connector' = 'delta', "
                        + "'path' = 's3://lake/silver/logged', 'log.checkpoint-interval' = '4')");
        for (int i = 0; i < 6; i++) {
            tEnv.executeSql("INSERT INTO logged VALUES (" + i + ")").await();
        }
        // Older log entries sort before the checkpoint's version, as 30 days of commits would.
        for (int n = 0; n < 3_000; n++) {
            S3.blobs()
                    .putBlob(
                            "lake",
                            S3.blobs()
                                    .blobBuilder(
                                            String.format(
                                                    "silver/logged/_delta_log/00000000000000000000.old-%05d",
                                                    n))
                                    .payload("x")
                                    .build());
        }
        long before = S3.listedKeys();
        DeltaTableInfo info =
                DeltaTableInfo.load("s3://lake/silver/logged", Map.of()).orElseThrow();
        long listed = S3.listedKeys() - before;

        assertThat(info.version()).isEqualTo(5);
        assertThat(info.rows()).isEqualTo(6);
        assertThat(listed)
                .as("keys listed to load the snapshot, out of %d in the log", 3_000 + 8)
                .isLessThan(50);
        assertThat(rows(tEnv, "SELECT COUNT(*) FROM logged")).containsExactly("+I[6]");
    }

    private static List<String> rows(TableEnvironment tEnv, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
