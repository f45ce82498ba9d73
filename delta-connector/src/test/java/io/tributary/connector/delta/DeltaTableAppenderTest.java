package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends without a job: each (app id, version) commits once, whoever writes it. */
class DeltaTableAppenderTest {
    private static final RowType ROW =
            RowType.of(
                    new LogicalType[] {VarCharType.STRING_TYPE, new IntType()},
                    new String[] {"name", "revision"});

    @TempDir Path dir;

    private static List<RowData> rows(String name, int revision) {
        return List.of(GenericRowData.of(StringData.fromString(name), revision));
    }

    private List<String> read() {
        return DeltaTableReader.read(dir.toUri().toString(), Map.of()).orElseThrow().rows().stream()
                .map(r -> r.getString(0) + "@" + r.getInt(1))
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void aVersionIsWrittenOnceAndALoserLeavesNoFile() throws Exception {
        DeltaTableAppender appender = new DeltaTableAppender(dir.toUri().toString(), ROW, Map.of());
        assertThat(appender.append(rows("a", 1), "sla:a", 1)).isPresent();
        assertThat(appender.append(rows("a-again", 1), "sla:a", 1)).isEmpty();
        assertThat(appender.append(rows("a-older", 0), "sla:a", 0))
                .as("behind the latest")
                .isEmpty();
        assertThat(appender.append(rows("b", 1), "sla:b", 1)).as("another app id").isPresent();
        assertThat(appender.append(rows("a", 2), "sla:a", 2)).isPresent();
        assertThat(read()).containsExactly("a@1", "a@2", "b@1");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count())
                    .as("the losers' files are gone")
                    .isEqualTo(3);
        }
    }

    @Test
    void ofConcurrentWritersOfOneVersionExactlyOneCommits() throws Exception {
        DeltaTableAppender appender = new DeltaTableAppender(dir.toUri().toString(), ROW, Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Long>>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "writer-" + i;
            results.add(
                    pool.submit(
                            () -> {
                                go.await();
                                return appender.append(rows(name, 1), "sla:x", 1);
                            }));
        }
        go.countDown();
        int winners = 0;
        for (Future<Optional<Long>> r : results) {
            winners += r.get().isPresent() ? 1 : 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count())
                    .as("the losers' files are gone")
                    .isEqualTo(1);
        }
        pool.shutdown();
        assertThat(read()).hasSize(1);
        assertThat(winners).isEqualTo(1);
    }
}
