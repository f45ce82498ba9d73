package io.tributary.pipelines.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The files of a landing folder that a backfill reads, listed once so that the run reads exactly
 * the files its overwrite is scoped to ({@link BackfillScope}): a file that lands while the job
 * runs waits for the next run instead of being half-counted. Sub-folders are read too; names
 * starting with {@code .} or {@code _} (in-flight uploads, markers) are skipped, as Flink's file
 * source does.
 */
@Internal
public final class LandingFiles {
    /** How many times its size a compressed landing file is counted as: see {@link #bytes}. */
    static final int EXPANSION = 8;

    private LandingFiles() {}

    /** The files under {@code folder}, in path order; fails with the fix when there are none. */
    public static List<Path> list(Path folder, String hint) {
        List<FileStatus> files = new ArrayList<>();
        try {
            FileSystem fs = folder.getFileSystem();
            if (!fs.exists(folder)) {
                throw new ConfigurationError("No landing folder " + folder, hint);
            }
            collect(fs, folder, files);
        } catch (IOException e) {
            throw new ConfigurationError(
                    "Cannot read landing folder " + folder + ": " + e.getMessage(),
                    "check tributary.landing.root and the file system's credentials");
        }
        if (files.isEmpty()) {
            throw new ConfigurationError("No landing files in " + folder, hint);
        }
        return files.stream()
                .map(FileStatus::getPath)
                .sorted(Comparator.comparing(Path::toString))
                .collect(Collectors.toList());
    }

    /**
     * How many bytes of lines a backfill reads from the files under {@code folder}, as {@link
     * #list} would find them: a compressed file counts {@value #EXPANSION} times its size, about
     * what text logs expand to (the bench's gzipped 1 M-line log 8.6 times), without opening it —
     * on S3 that would be a request per file. 0 when there is no such folder (a run then says what
     * is missing).
     */
    public static long bytes(Path folder) {
        List<FileStatus> files = new ArrayList<>();
        try {
            FileSystem fs = folder.getFileSystem();
            if (fs.exists(folder)) {
                collect(fs, folder, files);
            }
        } catch (IOException e) {
            return 0; // the run lists the folder itself, and reports what it cannot read
        }
        return files.stream().mapToLong(LandingFiles::lineBytes).sum();
    }

    private static long lineBytes(FileStatus file) {
        return compressed(file.getPath()) ? file.getLen() * EXPANSION : file.getLen();
    }

    /**
     * Whether a landing file is decompressed as it is read (by its name, as Flink's file source
     * chooses): such a file is read whole, never in pieces.
     */
    static boolean compressed(Path path) {
        return StandardDeCompressors.getDecompressorForFileName(path.getPath()) != null;
    }

    private static void collect(FileSystem fs, Path folder, List<FileStatus> files)
            throws IOException {
        FileStatus[] statuses = fs.listStatus(folder);
        if (statuses == null) {
            return;
        }
        for (FileStatus status : statuses) {
            String name = status.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (status.isDir()) {
                collect(fs, status.getPath(), files);
            } else {
                files.add(status);
            }
        }
    }
}
