package io.tributary.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTemporaryFoldersTest {
    private static final LongPredicate RUNNING = Set.of(20L, 30L)::contains;

    @TempDir Path root;

    @Test
    void removesTheFoldersOfEndedProcessesOnly() throws Exception {
        mark(root);
        Path ended = folderWithFile(root.resolve("10"));
        Files.createDirectories(ended.resolve("flink-io-1").resolve("deeper"));
        Path running = folderWithFile(root.resolve("20"));
        Path named = folderWithFile(root.resolve("flink-io-10"));
        Path fileNamedLikeAProcess = Files.writeString(root.resolve("40"), "not a folder");

        assertThat(ProcessTemporaryFolders.removeEnded(root, RUNNING)).containsExactly(ended);

        assertThat(ended).doesNotExist();
        assertThat(running.resolve("file")).isRegularFile();
        assertThat(named.resolve("file")).isRegularFile();
        assertThat(fileNamedLikeAProcess).isRegularFile();
    }

    @Test
    void followsNoLinkOutOfTheRoot(@TempDir Path elsewhere) throws Exception {
        mark(root);
        Path outside = folderWithFile(elsewhere.resolve("data"));
        Path link = Files.createSymbolicLink(root.resolve("50"), outside);
        Path ended = Files.createDirectories(root.resolve("60"));
        Files.createSymbolicLink(ended.resolve("lake"), outside);

        assertThat(ProcessTemporaryFolders.removeEnded(root, RUNNING)).containsExactly(ended);

        assertThat(link).isSymbolicLink();
        assertThat(outside.resolve("file")).isRegularFile();
    }

    @Test
    void touchesNothingInARootTheLauncherDidNotMark() throws Exception {
        Path ended = folderWithFile(root.resolve("10"));

        assertThat(ProcessTemporaryFolders.removeEnded(root, RUNNING)).isEmpty();
        assertThat(ProcessTemporaryFolders.claim(root, 10)).isEmpty();

        assertThat(ended.resolve("file")).isRegularFile();
    }

    @Test
    void aProcessClaimsItsNumberEmptiedOfWhatAnEndedOneLeftThere() throws Exception {
        mark(root);
        folderWithFile(root.resolve("30"));

        assertThat(ProcessTemporaryFolders.claim(root, 30)).contains(root.resolve("30"));
        assertThat(ProcessTemporaryFolders.claim(root, 70)).contains(root.resolve("70"));

        assertThat(root.resolve("30")).isEmptyDirectory();
        assertThat(root.resolve("70")).isEmptyDirectory();
    }

    private static void mark(Path root) throws Exception {
        Files.createFile(root.resolve(ProcessTemporaryFolders.ROOT_MARKER));
    }

    private static Path folderWithFile(Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("file"), "content");
        return folder;
    }
}
