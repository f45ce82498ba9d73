package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaStorage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RestoreMode;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Where a streaming stage keeps its checkpoints, and how a run continues from the last one an
 * earlier run left behind. Checkpoints are retained when a job is cancelled or dies, so a process
 * that was killed can be started again with {@code --resume} and go on with its state, Kafka
 * offsets and staged files, committing nothing twice.
 *
 * <p>Flink writes {@code <dir>/<pipeline>/<job id>/chk-<n>/_metadata}; every run is a new job id.
 * Each run records its job id in {@code <dir>/<pipeline>/_last-run}, and only that run's newest
 * complete checkpoint may be resumed: when the last run left none (it finished, and Flink discarded
 * its checkpoints), an older run's checkpoint is stale lineage, whose offsets and pending files the
 * lake has moved past, and the run starts fresh instead. A resumed run claims the checkpoint, and
 * Flink deletes it once the new run has a newer one.
 */
@Internal
public final class RetainedCheckpoints {
    private static final String METADATA = "_metadata";

    /** Names the job id of the pipeline's last run: only its checkpoints may be resumed. */
    static final String LAST_RUN = "_last-run";

    private RetainedCheckpoints() {}

    /**
     * Sets up checkpoint storage, retention and (when resuming) the restore path of one job.
     *
     * @param jobName the job's checkpoint folder: the pipeline's name, or name-n for the n-th of
     *     several stages
     * @return the folder of the job's checkpoints, for {@link #recordRun}
     */
    static String configure(Configuration job, String jobName, PrintStream out) {
        if (!job.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            job.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory(job, jobName));
        }
        if (!job.contains(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)) {
            job.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        String dir = job.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        if (job.contains(StateRecoveryOptions.SAVEPOINT_PATH)) {
            return dir; // the user named a savepoint or checkpoint
        }
        Optional<String> latest = latest(dir);
        Optional<String> lastRun = lastRun(dir);
        if (job.get(TributaryOptions.STREAMING_RESUME)) {
            if (latest.isPresent()) {
                out.println("Resuming from checkpoint " + latest.get());
                job.set(StateRecoveryOptions.SAVEPOINT_PATH, latest.get());
                job.set(StateRecoveryOptions.RESTORE_MODE, RestoreMode.CLAIM);
            } else if (lastRun.isPresent()) {
                out.println(
                        "The last run (job "
                                + lastRun.get()
                                + ") left no checkpoint under "
                                + dir
                                + " (it finished, or died before its first): starting fresh, after the Kafka offsets "
                                + "the lake holds; older runs' checkpoints are not resumed");
            } else {
                out.println(
                        "No checkpoint to resume from under "
                                + dir
                                + ": starting fresh, after the Kafka offsets the lake holds");
            }
        } else if (latest.isPresent()) {
            out.println(
                    "An earlier run left checkpoint "
                            + latest.get()
                            + "; this run starts fresh (pass --resume to continue from it)");
        }
        return dir;
    }

    /**
     * Records that the run of job {@code jobId} is the pipeline's last: the one a resume continues.
     */
    static void recordRun(String dir, String jobId) {
        Path file = new Path(dir, LAST_RUN);
        try (java.io.OutputStream os =
                file.getFileSystem().create(file, FileSystem.WriteMode.OVERWRITE)) {
            os.write(jobId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the run under " + dir, e);
        }
    }

    private static Optional<String> lastRun(String dir) {
        Path file = new Path(dir, LAST_RUN);
        try {
            FileSystem fs = file.getFileSystem();
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (java.io.InputStream in = fs.open(file)) {
                return Optional.of(
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                .trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** {@code <checkpoint dir>/<job name>}, the checkpoint dir defaulting into the lake. */
    public static String directory(Configuration conf, String jobName) {
        String root =
                conf.getOptional(TributaryOptions.STREAMING_CHECKPOINT_DIR)
                        .map(DeltaStorage::qualify)
                        .orElseGet(() -> LakeCatalog.lakeRoot(conf) + "/_checkpoints");
        return root + "/" + jobName;
    }

    /**
     * The newest complete checkpoint of the last run under {@code dir}; of any run where no run was
     * recorded (checkpoints of an older Tributary).
     */
    public static Optional<String> latest(String dir) {
        try {
            Path root = new Path(dir);
            FileSystem fs = root.getFileSystem();
            Optional<String> lastRun = lastRun(dir);
            FileStatus newest = null;
            Path newestCheckpoint = null;
            for (FileStatus job : list(fs, root)) {
                if (!job.isDir()
                        || lastRun.isPresent() && !job.getPath().getName().equals(lastRun.get())) {
                    continue;
                }
                for (FileStatus checkpoint : list(fs, job.getPath())) {
                    if (!checkpoint.isDir() || !checkpoint.getPath().getName().startsWith("chk-")) {
                        continue;
                    }
                    Path metadata = new Path(checkpoint.getPath(), METADATA);
                    // _metadata is written last: without it the checkpoint never completed.
                    if (fs.exists(metadata)) {
                        FileStatus status = fs.getFileStatus(metadata);
                        if (newest == null
                                || status.getModificationTime() > newest.getModificationTime()) {
                            newest = status;
                            newestCheckpoint = checkpoint.getPath();
                        }
                    }
                }
            }
            return Optional.ofNullable(newestCheckpoint).map(Path::toString);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoints under " + dir, e);
        }
    }

    private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
        try {
            FileStatus[] found = fs.exists(dir) ? fs.listStatus(dir) : null;
            return found == null ? new FileStatus[0] : found;
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }
}
