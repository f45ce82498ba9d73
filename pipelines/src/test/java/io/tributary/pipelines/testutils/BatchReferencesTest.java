package io.tributary.pipelines.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchReferencesTest {
    @TempDir Path dir;

    private final AtomicInteger runs = new AtomicInteger();

    /** Keeps this test's keys apart from others': the cache outlives a test. */
    private final String id = UUID.randomUUID().toString();

    @Test
    void theSameFilesInAnotherFolderReuseTheFirstRun() throws Exception {
        Path first = write("a/day-1.log", "GET /\n");
        Path again = write("b/day-1.log", "GET /\n");

        assertThat(tables("run", first)).containsExactly(List.of("1"));
        assertThat(tables("run", again)).containsExactly(List.of("1"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void otherBytesAnotherNameOrAnotherRunAskForARunOfTheirOwn() throws Exception {
        Path file = write("a/day-1.log", "GET /\n");
        tables("run", file);

        assertThat(tables("run", write("b/day-1.log", "GET /x\n"))).containsExactly(List.of("2"));
        assertThat(tables("run", write("c/day-2.log", "GET /\n"))).containsExactly(List.of("3"));
        assertThat(tables("another run", file)).containsExactly(List.of("4"));
    }

    private List<List<String>> tables(String run, Path file) throws Exception {
        return BatchReferences.tables(
                run + " " + id,
                List.of(file),
                () -> List.of(List.of(String.valueOf(runs.incrementAndGet()))));
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
