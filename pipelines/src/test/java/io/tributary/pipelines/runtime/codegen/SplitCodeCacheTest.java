package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCodeCacheTest {
    @TempDir Path folder;

    private final AtomicInteger splits = new AtomicInteger();

    private Supplier<String> splitter(String result) {
        return () -> {
            splits.incrementAndGet();
            return result;
        };
    }

    @Test
    void aSecondJvmTakesTheKeptResultWithoutSplitting() {
        String first =
                new SplitCodeCache(folder, 10, "1.20.1").split("code", 40, 100, splitter("split"));
        String second =
                new SplitCodeCache(folder, 10, "1.20.1").split("code", 40, 100, splitter("other"));

        assertThat(first).isEqualTo("split");
        assertThat(second).isEqualTo("split");
        assertThat(splits).hasValue(1);
    }

    @Test
    void theLimitsAndFlinksVersionArePartOfTheKey() {
        new SplitCodeCache(folder, 10, "1.20.1").split("code", 40, 100, splitter("a"));

        assertThat(new SplitCodeCache(folder, 10, "1.20.1").split("code", 41, 100, splitter("b")))
                .isEqualTo("b");
        assertThat(new SplitCodeCache(folder, 10, "1.20.1").split("code", 40, 101, splitter("c")))
                .isEqualTo("c");
        assertThat(new SplitCodeCache(folder, 10, "1.20.2").split("code", 40, 100, splitter("d")))
                .isEqualTo("d");
        assertThat(new SplitCodeCache(folder, 10, "1.20.1").split("code2", 40, 100, splitter("e")))
                .isEqualTo("e");
        assertThat(splits).hasValue(5);
    }

    @Test
    void aDamagedFileIsSplitAgainAndReplaced() throws IOException {
        SplitCodeCache cache = new SplitCodeCache(folder, 10, "1.20.1");
        cache.split("code", 40, 100, splitter("split"));
        Path file = onlyEntry();
        String kept = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, kept.substring(0, kept.length() - 2), StandardCharsets.UTF_8);

        assertThat(cache.split("code", 40, 100, splitter("split"))).isEqualTo("split");
        assertThat(splits).hasValue(2);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(kept);
    }

    @Test
    void aFileWithoutItsChecksumIsNotUsed() throws IOException {
        SplitCodeCache cache = new SplitCodeCache(folder, 10, "1.20.1");
        cache.split("code", 40, 100, splitter("split"));
        Files.writeString(onlyEntry(), "split", StandardCharsets.UTF_8);

        assertThat(cache.split("code", 40, 100, splitter("split"))).isEqualTo("split");
        assertThat(splits).hasValue(2);
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsTheSplit() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        SplitCodeCache cache = new SplitCodeCache(notAFolder, 10, "1.20.1");

        assertThat(cache.split("code", 40, 100, splitter("split"))).isEqualTo("split");
        assertThat(cache.split("code", 40, 100, splitter("split"))).isEqualTo("split");
        assertThat(splits).hasValue(2);
    }

    @Test
    void beyondItsLimitTheLeastRecentlyUsedQuarterGoes() throws IOException {
        SplitCodeCache cache = new SplitCodeCache(folder, 8, "1.20.1");
        for (int i = 0; i < 8; i++) {
            cache.split("code" + i, 40, 100, splitter("split" + i));
        }
        // Oldest first by modification time, then a hit renews code0.
        List<Path> entries = entries();
        for (int i = 0; i < entries.size(); i++) {
            Files.setLastModifiedTime(entries.get(i), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.split("code0", 40, 100, splitter("unused"));
        assertThat(splits).hasValue(8);

        cache.split("code8", 40, 100, splitter("split8"));

        assertThat(entries()).hasSize(6);
        splits.set(0);
        assertThat(cache.split("code0", 40, 100, splitter("again"))).isEqualTo("split0");
        assertThat(cache.split("code8", 40, 100, splitter("again"))).isEqualTo("split8");
        assertThat(splits).hasValue(0);
    }

    @Test
    void abandonedTemporaryFilesAreRemoved() throws IOException {
        Path abandoned = Files.writeString(folder.resolve("abc.tmp"), "partial");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(0));
        Path recent = Files.writeString(folder.resolve("def.tmp"), "being written");

        new SplitCodeCache(folder, 10, "1.20.1").split("code", 40, 100, splitter("split"));

        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
    }

    private Path onlyEntry() throws IOException {
        List<Path> entries = entries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
