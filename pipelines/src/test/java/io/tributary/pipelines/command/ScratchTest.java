package io.tributary.pipelines.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void aNewFolderIsCreated() throws Exception {
        assertThat(Scratch.empty(parent.resolve("new/bench"))).isEmptyDirectory();
    }
}
