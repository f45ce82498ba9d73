package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptResultsTest {
    @TempDir Path folder;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSecondJvmReadsWhatTheFirstKept() {
        KeptResults first = new KeptResults(folder, 10, "1.20.1");
        first.write(first.key("split.java", "code"), bytes("split"));

        KeptResults second = new KeptResults(folder, 10, "1.20.1");
        assertThat(second.read(second.key("split.java", "code"))).hasValue(bytes("split"));
    }

    @Test
    void theKindThePartsAndFlinksVersionMakeTheKey() {
        KeptResults kept = new KeptResults(folder, 10, "1.20.1");
        KeptResults.Key key = kept.key("split.java", "a", "b");

        assertThat(kept.key("split.java", "a", "b")).hasToString(key.toString());
        assertThat(kept.key("janino.classes", "a", "b").toString()).isNotEqualTo(key.toString());
        assertThat(kept.key("split.java", "ab").toString()).isNotEqualTo(key.toString());
        assertThat(kept.key("split.java", "a", "c").toString()).isNotEqualTo(key.toString());
        assertThat(new KeptResults(folder, 10, "1.20.2").key("split.java", "a", "b").toString())
                .isNotEqualTo(key.toString());
        assertThat(key.toString()).endsWith(".split.java");
    }

    @Test
    void aDamagedFileIsNotRead() throws IOException {
        KeptResults kept = new KeptResults(folder, 10, "1.20.1");
        KeptResults.Key key = kept.key("split.java", "code");
        kept.write(key, bytes("split"));
        Path file = onlyEntry();
        byte[] content = Files.readAllBytes(file);

        content[content.length - 1] ^= 1;
        Files.write(file, content);
        assertThat(kept.read(key)).isEmpty();

        Files.write(file, bytes("split"));
        assertThat(kept.read(key)).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenKeepsNothing() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        KeptResults kept = new KeptResults(notAFolder, 10, "1.20.1");
        KeptResults.Key key = kept.key("split.java", "code");

        kept.write(key, bytes("split"));

        assertThat(kept.read(key)).isEmpty();
    }

    @Test
    void beyondItsLimitTheLeastRecentlyUsedQuarterGoes() throws IOException {
        KeptResults kept = new KeptResults(folder, 8, "1.20.1");
        for (int i = 0; i < 8; i++) {
            kept.write(kept.key("split.java", "code" + i), bytes("split" + i));
        }
        List<Path> entries = entries();
        for (int i = 0; i < entries.size(); i++) {
            Files.setLastModifiedTime(entries.get(i), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        // A read renews the entry, whichever its age was.
        assertThat(kept.read(kept.key("split.java", "code0"))).hasValue(bytes("split0"));

        kept.write(kept.key("split.java", "code8"), bytes("split8"));

        assertThat(entries()).hasSize(6);
        assertThat(kept.read(kept.key("split.java", "code0"))).hasValue(bytes("split0"));
        assertThat(kept.read(kept.key("split.java", "code8"))).hasValue(bytes("split8"));
    }

    @Test
    void aSubFolderKeepsItsOwnResultsUnderItsOwnLimit() throws IOException {
        KeptResults kept = new KeptResults(folder, 8, "1.20.1");
        KeptResults large = kept.within("plans", 2);
        large.write(large.key("jobgraph", "a"), bytes("graph a"));

        for (int i = 0; i < 12; i++) {
            kept.write(kept.key("split.java", "code" + i), bytes("split" + i));
        }
        for (String graph : List.of("b", "c", "d")) {
            large.write(large.key("jobgraph", graph), bytes("graph " + graph));
        }

        assertThat(kept.read(kept.key("jobgraph", "d"))).as("not the folder's own").isEmpty();
        assertThat(large.read(large.key("jobgraph", "d"))).hasValue(bytes("graph d"));
        try (Stream<Path> graphs = Files.list(folder.resolve("plans"))) {
            assertThat(graphs.count()).as("its own bound, not its parent's").isLessThanOrEqualTo(3);
        }
        assertThat(entries().stream().filter(Files::isRegularFile).count())
                .as("the parent's eviction passes the sub-folder by, and keeps its bound")
                .isLessThanOrEqualTo(8);
    }

    /**
     * Other JVMs renew and remove files while one evicts: a file's time can change between two
     * looks, as here at every look. Sorted by times looked at once, the order holds; a sort that
     * looked again failed the compile that wrote the file (IllegalArgumentException from TimSort).
     */
    @Test
    void evictionOrdersByOneLookAtEachFile() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            files.add(folder.resolve("entry-" + i));
        }
        Random changing = new Random(7);
        Map<Path, FileTime> firstLook = new HashMap<>();
        AtomicInteger looks = new AtomicInteger();

        List<Path> oldestFirst =
                KeptResults.leastRecentlyUsedFirst(
                        files,
                        file -> {
                            looks.incrementAndGet();
                            FileTime time = FileTime.fromMillis(changing.nextInt(1000));
                            firstLook.putIfAbsent(file, time);
                            return time;
                        });

        assertThat(looks).hasValue(files.size());
        assertThat(oldestFirst)
                .containsExactlyInAnyOrderElementsOf(files)
                .isSortedAccordingTo(Comparator.comparing(firstLook::get));
    }

    /**
     * A JVM looks at the folder's size at its first write and then every twentieth of the bound in
     * writes (here every second): in between, the folder may be over its bound.
     */
    @Test
    void theSizeIsLookedAtEveryFewWrites() throws IOException {
        KeptResults filling = new KeptResults(folder, 1000, "1.20.1");
        for (int i = 0; i < 39; i++) {
            filling.write(filling.key("split.java", "old" + i), bytes("old" + i));
        }
        KeptResults kept = new KeptResults(folder, 40, "1.20.1");

        kept.write(kept.key("split.java", "new0"), bytes("new0"));
        assertThat(entries()).as("looked at: within the bound").hasSize(40);
        kept.write(kept.key("split.java", "new1"), bytes("new1"));
        assertThat(entries()).as("not looked at: over the bound").hasSize(41);
        kept.write(kept.key("split.java", "new2"), bytes("new2"));
        assertThat(entries()).as("looked at: the oldest quarter gone").hasSize(30);
    }

    @Test
    void abandonedTemporaryFilesAreRemoved() throws IOException {
        Path abandoned = Files.writeString(folder.resolve("abc.tmp"), "partial");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(0));
        Path recent = Files.writeString(folder.resolve("def.tmp"), "being written");
        KeptResults kept = new KeptResults(folder, 10, "1.20.1");

        kept.write(kept.key("split.java", "code"), bytes("split"));

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
            return files.filter(f -> !f.toString().endsWith(".tmp")).sorted().toList();
        }
    }
}
