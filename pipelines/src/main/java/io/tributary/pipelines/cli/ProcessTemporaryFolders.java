package io.tributary.pipelines.cli;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.apache.flink.annotation.Internal;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.util.FileUtils;

/**
 * The temporary folders of the JVMs {@code bin/tributary} starts: one per process, named by its
 * process id, in a root the launcher marks as its own ({@value #ROOT_PROPERTY}). What Flink and the
 * native libraries unpack there (the cluster's working, I/O and shuffle folders, Snappy's and LZ4's
 * libraries) their shutdown hooks remove, which a killed JVM never runs: its folder stays behind.
 * Each command removes the folders whose process is gone, and nothing else: numbered folders of a
 * marked root when no process has that number. A folder whose number a newer process took is that
 * process's own, which empties it when it starts; deciding by start times instead would trust a
 * clock that can step.
 */
@Internal
final class ProcessTemporaryFolders {
    /** The system property by which the launcher names the root; unset, nothing happens. */
    static final String ROOT_PROPERTY = "tributary.process-folders";

    /** The file by which the launcher marks the root as its own. */
    static final String ROOT_MARKER = ".tributary-process-folders";

    private ProcessTemporaryFolders() {}

    /**
     * Makes this JVM's temporary folder {@code <root>/<pid>}, empty, and removes the folders of
     * ended processes beside it. Call it first in {@code main}, before anything asks for {@code
     * java.io.tmpdir}. Never fails the command: without a folder of its own the JVM keeps its
     * default, and a folder it cannot remove is litter.
     */
    static void claimAndRemoveEnded() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root == null || root.isEmpty()) {
            return;
        }
        try {
            Path rootPath = Path.of(root).toAbsolutePath().normalize();
            claim(rootPath, ProcessHandle.current().pid())
                    .ifPresent(own -> System.setProperty("java.io.tmpdir", own.toString()));
            removeEnded(rootPath, ProcessTemporaryFolders::isRunning);
        } catch (IOException | DirectoryIteratorException | IllegalArgumentException e) {
            // the JVM's default temporary folder serves
        }
    }

    /**
     * The empty folder {@code <root>/<pid>}: whatever it held was left by an ended process that had
     * this number, since only this process has it now. Empty when the root is not marked.
     */
    @VisibleForTesting
    static Optional<Path> claim(Path root, long pid) throws IOException {
        if (!isMarked(root)) {
            return Optional.empty();
        }
        Path own = root.resolve(Long.toString(pid));
        FileUtils.deleteFileOrDirectory(own.toFile());
        return Optional.of(Files.createDirectory(own));
    }

    /**
     * Removes the process folders of a marked {@code root} for which no process runs.
     *
     * @param running whether a process with a number runs
     * @return the folders removed
     */
    @VisibleForTesting
    static List<Path> removeEnded(Path root, LongPredicate running) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!isMarked(root)) {
            return removed;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                Optional<Long> pid = processNumber(folder);
                if (pid.isPresent()
                        && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                        && !running.test(pid.get())) {
                    try {
                        // Flink's deletion removes a link inside without following it.
                        FileUtils.deleteDirectory(folder.toFile());
                        removed.add(folder);
                    } catch (IOException e) {
                        // another command removing it at the same time, say: left as it is
                    }
                }
            }
        }
        return removed;
    }

    private static boolean isMarked(Path root) {
        return Files.isRegularFile(root.resolve(ROOT_MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> processNumber(Path folder) {
        String name = folder.getFileName().toString();
        if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(name));
    }
}
