package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.LogWatch;
import io.tributary.connector.delta.testutils.MiniClusters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming query over a continuously read Delta table follows appends and, through the deletes
 * the source emits for removed files, overwrites: its result equals the query over the table now.
 */
class DeltaContinuousSourceITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(4);

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir Path dir;

    @Test
    void aggregateFollowsAppendsAndOverwrites() throws Exception {
        String events = dir.resolve("events").toString();
        String counts = dir.resolve("counts").toString();
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        // The streaming job keeps two of the four slots; batch writes and reads use the others.
        batch.getConfig().set("parallelism.default", "1");
        batch.executeSql(
                "CREATE TABLE events (k STRING, v INT) WITH ('connector' = 'delta', 'path' = '"
                        + events
                        + "')");
        batch.executeSql(
                "CREATE TABLE counts (k STRING, n BIGINT, PRIMARY KEY (k) NOT ENFORCED)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + counts
                        + "')");
        batch.executeSql("INSERT INTO events VALUES ('a', 1), ('a', 2), ('b', 3)").await();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(200);
        StreamTableEnvironment streaming = StreamTableEnvironment.create(env);
        streaming.executeSql(
                "CREATE TABLE events (k STRING, v INT) WITH ('connector' = 'delta', 'path' = '"
                        + events
                        + "', 'source.monitor-interval' = '100ms')");
        streaming.executeSql(
                "CREATE TABLE counts (k STRING, n BIGINT, PRIMARY KEY (k) NOT ENFORCED)"
                        + " WITH ('connector' = 'delta', 'path' = '"
                        + counts
                        + "')");
        JobClient job =
                streaming
                        .executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM events GROUP BY k")
                        .getJobClient()
                        .orElseThrow();
        try {
            awaitRows(batch, List.of("+I[a, 2]", "+I[b, 1]"));

            batch.executeSql("INSERT INTO events VALUES ('a', 4), ('c', 5)").await();
            awaitRows(batch, List.of("+I[a, 3]", "+I[b, 1]", "+I[c, 1]"));

            // An overwrite removes every file: the source turns their rows into deletes.
            batch.executeSql("INSERT OVERWRITE events VALUES ('b', 6), ('b', 7)").await();
            awaitRows(batch, List.of("+I[b, 2]"));
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Reads the result table whenever its log changes (inotify, through a watch service) until it
     * holds exactly {@code expected}.
     */
    private void awaitRows(TableEnvironment batch, List<String> expected) throws Exception {
        Path table = dir.resolve("counts");
        LogWatch.until(table, PATIENCE, () -> rows(batch, table).equals(expected));
        List<String> rows = rows(batch, table);
        assertThat(rows).as("counts within " + PATIENCE).containsExactlyElementsOf(expected);
    }

    private static List<String> rows(TableEnvironment batch, Path table) throws Exception {
        return DeltaTableInfo.load(table.toString(), Map.of()).isPresent()
                ? query(batch, "SELECT k, n FROM counts ORDER BY k")
                : List.of();
    }

    private static List<String> query(TableEnvironment tEnv, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }
}
