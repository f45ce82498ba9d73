package io.tributary.connector.delta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.MiniClusters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary bench delta-log} at small sizes: the laid-down history is a log Kernel reads,
 * and the timed commits are real commits on top of it (the figures themselves are not asserted).
 */
class DeltaLogBenchmarkITCase {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = MiniClusters.oneTaskManager(2);

    @TempDir Path dir;

    @Test
    void timedCommitsLandOnTopOfTheLaidDownHistory() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<DeltaLogBenchmark.Result> results =
                new DeltaLogBenchmark(dir, new PrintStream(printed, true, StandardCharsets.UTF_8))
                        .run(List.of(50L, 300L), 12);

        assertThat(results).hasSize(2);
        assertThat(results.get(1).entries()).isGreaterThanOrEqualTo(300);
        assertThat(results).allSatisfy(r -> assertThat(r.commitMicros()).hasSize(12));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("| log entries | commits | commit p50 |")
                .containsPattern("\\| 3\\d\\d \\| 12 \\| [0-9.]+ ms \\|");
        Path table = dir.resolve("log-300");
        assertThat(count(table)).as("the history's row and one per timed commit").isEqualTo(13);
        String[] lastCheckpoint =
                Files.readString(table.resolve("_delta_log/_last_checkpoint"))
                        .split("\"version\":");
        long history = 300 * 10 / 11;
        assertThat(Long.parseLong(lastCheckpoint[1].split("[,}]")[0]))
                .as("the sink's own checkpoints follow the history's")
                .isGreaterThan(history);
    }

    private static long count(Path table) throws Exception {
        TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tEnv.executeSql(
                "CREATE TABLE t (k STRING, n BIGINT) WITH ('connector' = 'delta', 'path' = '"
                        + table.toUri()
                        + "')");
        try (CloseableIterator<Row> it = tEnv.executeSql("SELECT COUNT(*) FROM t").collect()) {
            return (Long) it.next().getField(0);
        }
    }
}
