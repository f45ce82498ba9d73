package io.tributary.pipelines.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bench's scratch folder is emptied without deleting what it held before the bench ends. */
class ScratchTest {
    @TempDir Path parent;

    @Test
    void whatTheFolderHeldIsSetAsideNotDeleted() throws Exception {
        Path dir = parent.resolve("bench");
        Files.createDirectories(dir.resolve("lake/silver"));
        Files.writeString(dir.resolve("lake/silver/part.parquet"), "rows");

        assertThat(Scratch.empty(dir)).isEqualTo(dir).isEmptyDirectory();

        Path aside = parent.resolve("bench.previous-" + ProcessHandle.current().pid());
        assertThat(aside.resolve("lake/silver/part.parquet")).hasContent("rows");
    }

    @Test
    void aFolderThatCannotBeSetAsideIsDeletedAtOnce() throws Exception {
        Path dir = parent.resolve("bench");
        Files.createDirectories(parent.resolve("bench.previous-" + ProcessHandle.current().pid()));
        Files.createDirectories(dir.resolve("lake"));

        assertThat(Scratch.empty(dir)).isEmptyDirectory();
        assertThat(parent.resolve("bench.previous-" + ProcessHandle.current().pid()))
                .isEmptyDirectory();
    }

    @Test
    void whatWasSetAsideIsRemovedWhenTheJvmExits() throws Exception {
        Path dir = parent.resolve("bench");
        Files.createDirectories(dir.resolve("lake/silver"));
        Files.writeString(dir.resolve("lake/silver/part.parquet"), "rows");

        Process bench =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                EmptyAndExit.class.getName(),
                                dir.toString())
                        .inheritIO()
                        .start();

        assertThat(bench.waitFor()).isZero();
        assertThat(dir).isEmptyDirectory();
        try (Stream<Path> siblings = Files.list(parent)) {
            assertThat(siblings).containsExactly(dir);
        }
    }

    /** A bench's JVM: empties its scratch folder, then exits. */
    public static final class EmptyAndExit {
        public static void main(String[] args) throws Exception {
            Scratch.empty(Path.of(args[0]));
        }
    }

    @Test
    void aNewFolderIsCreated() throws Exception {
        assertThat(Scratch.empty(parent.resolve("new/bench"))).isEmptyDirectory();
    }
}
