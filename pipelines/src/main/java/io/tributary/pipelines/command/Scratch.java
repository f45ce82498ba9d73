package io.tributary.pipelines.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.FileUtils;

/**
 * A benchmark's scratch folder: empty at the start of each bench, so runs do not read each other's
 * tables.
 *
 * <p>What the folder held is not deleted then, but moved aside and removed when the bench's JVM
 * exits, after every timed run. On an ext4 file system without a journal, a file or folder created
 * in the half minute after thousands were deleted costs a scan past each of them ({@code
 * recently_deleted} in the kernel's inode allocator): 4–7 % of a 1 M-line backfill's writing CPU
 * when the lake of the run before had just been deleted, a cost no backfill outside a benchmark
 * pays.
 */
@PublicEvolving
public final class Scratch {
    private static final List<Path> REMOVED_AT_EXIT = new ArrayList<>();

    private Scratch() {}

    /**
     * Empties {@code dir}: moves it to a sibling folder removed when this JVM exits, or deletes it
     * at once when it cannot be moved; then creates it empty.
     */
    public static Path empty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            Path aside =
                    dir.resolveSibling(
                            dir.getFileName() + ".previous-" + ProcessHandle.current().pid());
            try {
                Files.move(dir, aside);
                removeAtExit(aside);
            } catch (IOException e) {
                // Another file system, or the name taken: deleted now, as before.
                FileUtils.deleteDirectory(dir.toFile());
            }
        }
        return Files.createDirectories(dir);
    }

    /** Removes {@code folder} when this JVM exits, after the bench's timed runs. */
    public static void removeAtExit(Path folder) {
        synchronized (REMOVED_AT_EXIT) {
            if (REMOVED_AT_EXIT.isEmpty()) {
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(Scratch::remove, "scratch-removal"));
            }
            REMOVED_AT_EXIT.add(folder);
        }
    }

    private static void remove() {
        synchronized (REMOVED_AT_EXIT) {
            REMOVED_AT_EXIT.forEach(folder -> FileUtils.deleteDirectoryQuietly(folder.toFile()));
        }
    }
}
