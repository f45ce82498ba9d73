package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.TributaryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI, started as {@code bin/tributary} starts it, keeps the split code of the classes a query
 * generates, and the next process takes it instead of splitting again.
 */
class GeneratedCodeCacheITCase {
    @TempDir Path lake;

    @Test
    void aSecondProcessReadsWhatTheFirstKept() throws Exception {
        TributaryProcess cli = TributaryProcess.fromBuild();
        // A literal of this test's own, in a projection long enough to be split: its class is
        // found in the shared folder by that literal. RAND() keeps the planner from folding it.
        String token = "split-" + UUID.randomUUID();
        String columns =
                IntStream.range(0, 40)
                        .mapToObj(
                                i ->
                                        "UPPER(CONCAT(CAST(RAND() AS STRING), '"
                                                + token
                                                + "-"
                                                + i
                                                + "')) AS c"
                                                + i)
                        .collect(Collectors.joining(", "));
        String query = "SELECT " + columns + " FROM (VALUES (1)) AS t(x)";

        cli.run("sql", "-D", "tributary.lake.root=" + lake, query);
        Map<Path, FileTime> kept = entriesHolding(cli.generatedCodeCache(), token);
        assertThat(kept).as("classes kept after the first query").isNotEmpty();
        for (Path file : kept.keySet()) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        }

        cli.run("sql", "-D", "tributary.lake.root=" + lake, query);

        Map<Path, FileTime> after = entriesHolding(cli.generatedCodeCache(), token);
        assertThat(after.keySet()).as("no class split again").isEqualTo(kept.keySet());
        assertThat(after.values())
                .as("each kept class read (a read renews its time)")
                .allMatch(time -> time.toMillis() > 0);
    }

    private static Map<Path, FileTime> entriesHolding(Path folder, String token)
            throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains(token))
                    .collect(
                            Collectors.toMap(
                                    Function.identity(), GeneratedCodeCacheITCase::modified));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Evicted by another test JVM meanwhile.
            return "";
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
