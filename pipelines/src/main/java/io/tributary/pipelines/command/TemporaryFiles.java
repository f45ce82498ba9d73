package io.tributary.pipelines.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.annotation.Internal;

/**
 * Temporary files and folders in this JVM's temporary folder as it is now. A JVM the launcher
 * starts gets a folder of its own as its first step (ProcessTemporaryFolders), which the next
 * command removes when the JVM is gone, killed or not; but {@link Files#createTempDirectory(String,
 * java.nio.file.attribute.FileAttribute[])} and its like read {@code java.io.tmpdir} once, as the
 * JVM starts, and would leave what a stopped command made in {@code /tmp} for good.
 */
@Internal
public final class TemporaryFiles {
    private TemporaryFiles() {}

    /** A new, empty folder whose name starts with {@code prefix}. */
    public static Path folder(String prefix) throws IOException {
        return Files.createTempDirectory(root(), prefix);
    }

    /** A new, empty file whose name starts with {@code prefix} and ends with {@code suffix}. */
    public static Path file(String prefix, String suffix) throws IOException {
        return Files.createTempFile(root(), prefix, suffix);
    }

    private static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
