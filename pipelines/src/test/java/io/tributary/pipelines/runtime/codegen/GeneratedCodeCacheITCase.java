package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.TributaryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
        Map<Path, BasicFileAttributes> kept = entriesHolding(cli.generatedCodeCache(), token);
        assertThat(kept).as("classes kept after the first query").isNotEmpty();
        cli.run("sql", "-D", "tributary.lake.root=" + lake, query);

        Map<Path, BasicFileAttributes> after = entriesHolding(cli.generatedCodeCache(), token);
        assertThat(after.keySet()).isEqualTo(kept.keySet());
        for (Map.Entry<Path, BasicFileAttributes> entry : after.entrySet()) {
            BasicFileAttributes before = kept.get(entry.getKey());
            String name = entry.getKey().getFileName().toString();
            // Split again, a class's file would be replaced by a new one (a rename).
            assertThat(entry.getValue().fileKey())
                    .as("%s not written again", name)
                    .isEqualTo(before.fileKey());
            assertThat(entry.getValue().lastModifiedTime())
                    .as("%s read (a read renews its time)", name)
                    .isGreaterThan(before.lastModifiedTime());
        }
    }

    private static Map<Path, BasicFileAttributes> entriesHolding(Path folder, String token)
            throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains(token))
                    .collect(
                            Collectors.toMap(
                                    Function.identity(), GeneratedCodeCacheITCase::attributes));
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

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
