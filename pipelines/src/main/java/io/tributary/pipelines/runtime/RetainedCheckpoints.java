package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.internal.DeltaEngines;

import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RestoreMode;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where a streaming stage keeps its checkpoints, and how a run continues from the last one an
 * earlier run left behind. Checkpoints are retained when a job is cancelled or dies, so a process
 * that was killed can be started again with {@code --resume} and go on with its state, Kafka
 * offsets and staged files, committing nothing twice.
 *
 * <p>Flink writes {@code <dir>/<pipeline>/<job id>/chk-<n>/_metadata}; every run is a new job id, so the
 * latest checkpoint is the newest complete one over all job folders. A resumed run claims it, and
 * Flink deletes it once the new run has a newer one.
 */
@Internal
public final class RetainedCheckpoints {
    private static final String METADATA = "_metadata";

    private RetainedCheckpoints() {}

    /**
     * Sets up checkpoint storage, retention and (when resuming) the restore path of one job.
     *
     * @param jobName the job's checkpoint folder: the pipeline's name, or name-n for the n-th of
     *     several stages
     */
    static void configure(Configuration job, String jobName, PrintStream out) {
        if (!job.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            job.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory(job, jobName));
        }
        if (!job.contains(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)) {
            job.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        if (job.contains(StateRecoveryOptions.SAVEPOINT_PATH)) {
            return; // the user named a savepoint or checkpoint
        }
        String dir = job.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        Optional<String> latest = latest(dir);
        if (job.get(TributaryOptions.STREAMING_RESUME)) {
            if (latest.isPresent()) {
                out.println("Resuming from checkpoint " + latest.get());
                job.set(StateRecoveryOptions.SAVEPOINT_PATH, latest.get());
                job.set(StateRecoveryOptions.RESTORE_MODE, RestoreMode.CLAIM);
            } else {
                out.println("No checkpoint to resume from under " + dir
                        + ": starting fresh, after the Kafka offsets the lake holds");
            }
        } else if (latest.isPresent()) {
            out.println("An earlier run left checkpoint " + latest.get()
                    + "; this run starts fresh (pass --resume to continue from it)");
        }
    }

    /** {@code <checkpoint dir>/<job name>}, the checkpoint dir defaulting into the lake. */
    public static String directory(Configuration conf, String jobName) {
        String root = conf.getOptional(TributaryOptions.STREAMING_CHECKPOINT_DIR)
                .map(DeltaEngines::qualify)
                .orElseGet(() -> LakeCatalog.lakeRoot(conf) + "/_checkpoints");
        return root + "/" + jobName;
    }

    /** The newest complete checkpoint under {@code dir}, over every job's folder. */
    public static Optional<String> latest(String dir) {
        try {
            Path root = new Path(dir);
            FileSystem fs = root.getFileSystem();
            FileStatus newest = null;
            Path newestCheckpoint = null;
            for (FileStatus job : list(fs, root)) {
                for (FileStatus checkpoint : list(fs, job.getPath())) {
                    if (!checkpoint.isDir() || !checkpoint.getPath().getName().startsWith("chk-")) {
                        continue;
                    }
                    Path metadata = new Path(checkpoint.getPath(), METADATA);
                    // _metadata is written last: without it the checkpoint never completed.
                    if (fs.exists(metadata)) {
                        FileStatus status = fs.getFileStatus(metadata);
                        if (newest == null || status.getModificationTime() > newest.getModificationTime()) {
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
