package io.tributary.pipelines.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.util.FileUtils;

/**
 * A benchmark's scratch folder: emptied before each run, so runs do not read each other's tables.
 */
@PublicEvolving
public final class Scratch {
    private Scratch() {}

    /** Deletes {@code dir} and everything under it, then creates it empty. */
    public static Path empty(Path dir) throws IOException {
        FileUtils.deleteDirectory(dir.toFile());
        return Files.createDirectories(dir);
    }
}
