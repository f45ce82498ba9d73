package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.TributaryProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
 * generates and the class files its tasks compile, and the next process takes them instead of
 * splitting and compiling again.
 */
class GeneratedCodeCacheITCase {
    private static final String SPLIT = ".split.java";
    private static final String COMPILED = ".janino.classes";

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

        FileTime started = FileTime.from(Instant.now().minusSeconds(1));
        cli.run("sql", "-D", "tributary.lake.root=" + lake, query);
        Map<Path, BasicFileAttributes> kept = entriesHolding(cli.generatedCodeCache(), token);
        assertThat(kept.keySet())
                .as("split code and class files kept after the first query")
                .anyMatch(file -> file.toString().endsWith(SPLIT))
                .anyMatch(file -> file.toString().endsWith(COMPILED));
        // Calcite's metadata handlers, compiled by Janino (the same in every process): those the
        // first query compiled or read.
        Map<Path, BasicFileAttributes> compiled = compiledClasses(cli.generatedCodeCache());
        compiled.values().removeIf(file -> file.lastModifiedTime().compareTo(started) < 0);
        assertThat(compiled).as("compiled classes kept after the first query").isNotEmpty();

        cli.run("sql", "-D", "tributary.lake.root=" + lake, query);

        Map<Path, BasicFileAttributes> after = entriesHolding(cli.generatedCodeCache(), token);
        assertThat(after.keySet()).isEqualTo(kept.keySet());
        for (Map.Entry<Path, BasicFileAttributes> entry : after.entrySet()) {
            BasicFileAttributes before = kept.get(entry.getKey());
            String name = entry.getKey().getFileName().toString();
            // Split or compiled again, a class's file would be replaced by a new one (a rename).
            assertThat(entry.getValue().fileKey())
                    .as("%s not written again", name)
                    .isEqualTo(before.fileKey());
            assertThat(entry.getValue().lastModifiedTime())
                    .as("%s read (a read renews its time)", name)
                    .isGreaterThan(before.lastModifiedTime());
        }
        Map<Path, BasicFileAttributes> compiledAfter = compiledClasses(cli.generatedCodeCache());
        assertThat(compiledAfter.keySet()).containsAll(compiled.keySet());
        for (Path file : compiled.keySet()) {
            assertThat(compiledAfter.get(file).fileKey())
                    .as("%s not compiled again", file.getFileName())
                    .isEqualTo(compiled.get(file).fileKey());
        }
        assertThat(compiled.keySet())
                .as("compiled classes the second query read")
                .anyMatch(
                        file ->
                                compiledAfter
                                                .get(file)
                                                .lastModifiedTime()
                                                .compareTo(compiled.get(file).lastModifiedTime())
                                        > 0);
    }

    private static Map<Path, BasicFileAttributes> compiledClasses(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(COMPILED))
                    .collect(
                            Collectors.toMap(
                                    Function.identity(), GeneratedCodeCacheITCase::attributes));
        }
    }

    private static Map<Path, BasicFileAttributes> entriesHolding(Path folder, String token)
            throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> read(file).contains(token))
                    .collect(
                            Collectors.toMap(
                                    Function.identity(), GeneratedCodeCacheITCase::attributes));
        }
    }

    private static String read(Path file) {
        try {
            // After the binary checksum: the split code as UTF-8, or class files, whose constants
            // (the token among them) are UTF-8 too.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
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
