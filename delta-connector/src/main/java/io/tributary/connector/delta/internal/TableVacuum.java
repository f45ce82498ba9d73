package io.tributary.connector.delta.internal;

import io.delta.kernel.CommitRange;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.engine.Engine;
import io.tributary.connector.delta.DeltaMaintenance;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Deletes a table's data files that no version within the retention needs: files the latest
 * snapshot does not reference, that no commit within the retention removed (a time-travel or
 * continuous reader may still read those), that no writer lists as staged for a checkpoint it has
 * not committed ({@link PendingFiles}: a job that died after a checkpoint and before its commit
 * resumes to commit them, however long after), and that were last modified before the retention (a
 * running writer's staged files are new). Folders whose names start with {@code _} or {@code .}
 * (the log, checkpoints) are never looked into.
 */
@Internal
public final class TableVacuum {
    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

    private TableVacuum() {}

    /**
     * @param nowMillis the present, from which the retention is counted back
     */
    public static DeltaMaintenance.Vacuum vacuum(
            String tablePath,
            Map<String, String> kernelConf,
            Duration retention,
            long nowMillis,
            boolean dryRun)
            throws IOException {
        Engine engine = DeltaEngines.create(kernelConf);
        Snapshot snapshot =
                DeltaTables.latest(engine, tablePath)
                        .orElseThrow(() -> new IOException("No Delta table at " + tablePath));
        // Deletion vector files are not data files this vacuum knows to keep.
        UnsupportedTableException.requireSupported(snapshot, tablePath);
        long cutoff = nowMillis - retention.toMillis();
        Set<String> needed = new HashSet<>();
        for (TableFiles.TableFile file : TableFiles.list(engine, snapshot, Optional.empty())) {
            needed.add(location(file.path));
        }
        needed.addAll(removedSince(engine, tablePath, snapshot.getVersion(), cutoff));
        Set<String> pending = PendingFiles.names(tablePath);

        Path root = new Path(tablePath);
        FileSystem fs = root.getFileSystem();
        List<String> deleted = new ArrayList<>();
        long bytes = 0;
        int kept = 0;
        for (FileStatus file : dataFiles(fs, root)) {
            String path = location(file.getPath());
            if (needed.contains(path)
                    || pending.contains(file.getPath().getName())
                    || file.getModificationTime() >= cutoff) {
                kept++;
                continue;
            }
            if (!dryRun) {
                fs.delete(file.getPath(), false);
            }
            deleted.add(file.getPath().toString());
            bytes += file.getLen();
        }
        return new DeltaMaintenance.Vacuum(kept, deleted, bytes);
    }

    /** Files removed by commits written at or after {@code cutoff}, as {@link #location}s. */
    private static Set<String> removedSince(
            Engine engine, String tablePath, long latest, long cutoff) throws IOException {
        Path log = new Path(tablePath, "_delta_log");
        long first = Long.MAX_VALUE;
        for (FileStatus status : log.getFileSystem().listStatus(log)) {
            String name = status.getPath().getName();
            if (COMMIT_FILE.matcher(name).matches() && status.getModificationTime() >= cutoff) {
                first = Math.min(first, Long.parseLong(name.substring(0, 20)));
            }
        }
        Set<String> removed = new HashSet<>();
        if (first > latest) {
            return removed;
        }
        CommitRange range =
                TableManager.loadCommitRange(tablePath, CommitBoundary.atVersion(first))
                        .withEndBoundary(CommitBoundary.atVersion(latest))
                        .build(engine);
        try {
            KernelInternals.forEachFileAction(
                    range,
                    engine,
                    false,
                    action -> removed.add(location(LogPaths.absolute(tablePath, action.path()))));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Cannot read the log of Delta table " + tablePath, e);
        }
        return removed;
    }

    private static List<FileStatus> dataFiles(FileSystem fs, Path dir) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus status : fs.listStatus(dir)) {
            String name = status.getPath().getName();
            if (status.isDir()) {
                if (!name.startsWith("_") && !name.startsWith(".")) {
                    files.addAll(dataFiles(fs, status.getPath()));
                }
            } else if (!name.startsWith("_") && (!name.startsWith(".") || name.endsWith(".tmp"))) {
                files.add(
                        status); // a hidden .tmp is a write a crash cut short; it ages out like an
                // orphan
            }
        }
        return files;
    }

    /**
     * The file a path names, as the file system sees it. Kernel's paths (scan files, and log paths
     * once made absolute) are opened as they are, through {@link FlinkFileIO}, so they name the
     * file literally: decoding them again would turn a partition folder whose escaped value holds
     * {@code %} into another folder's name, and the live file into an orphan.
     */
    static String location(String kernelPath) {
        return location(new Path(kernelPath));
    }

    private static String location(Path path) {
        return path.toUri().getPath();
    }
}
