package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resume continues the last run's lineage, never an older run's. */
class RetainedCheckpointsTest {
    @TempDir Path dir;

    private Configuration conf(boolean resume) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        conf.set(TributaryOptions.STREAMING_RESUME, resume);
        return conf;
    }

    private Path checkpoint(String jobId, int n) throws Exception {
        Path chk =
                Files.createDirectories(
                        dir.resolve("lake/_checkpoints/weblogs")
                                .resolve(jobId)
                                .resolve("chk-" + n));
        Files.writeString(chk.resolve("_metadata"), "metadata");
        return chk;
    }

    @Test
    void aFinishedLastRunIsNotResumedFromAnOlderKilledRunsCheckpoint() throws Exception {
        String folder = RetainedCheckpoints.directory(conf(true), "weblogs");
        checkpoint("killed", 3);
        RetainedCheckpoints.recordRun(folder, "killed");
        assertThat(RetainedCheckpoints.latest(folder))
                .hasValueSatisfying(c -> assertThat(c).endsWith("killed/chk-3"));

        // A fresh bounded run finished: Flink discarded its checkpoints, so its folder is empty.
        Files.createDirectories(dir.resolve("lake/_checkpoints/weblogs/finished"));
        RetainedCheckpoints.recordRun(folder, "finished");

        Configuration resume = conf(true);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        RetainedCheckpoints.configure(resume, "weblogs", new PrintStream(said));
        assertThat(resume.contains(StateRecoveryOptions.SAVEPOINT_PATH))
                .as("no restore of stale lineage")
                .isFalse();
        assertThat(said.toString()).contains("The last run (job finished) left no checkpoint");
        assertThat(RetainedCheckpoints.latest(folder)).isEmpty();
    }

    @Test
    void theLastRunsNewestCheckpointIsResumed() throws Exception {
        String folder = RetainedCheckpoints.directory(conf(true), "weblogs");
        checkpoint("first", 9);
        checkpoint("second", 2);
        RetainedCheckpoints.recordRun(folder, "second");
        Files.setLastModifiedTime(
                dir.resolve("lake/_checkpoints/weblogs/first/chk-9/_metadata"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Configuration resume = conf(true);
        RetainedCheckpoints.configure(
                resume, "weblogs", new PrintStream(new ByteArrayOutputStream()));
        assertThat(resume.get(StateRecoveryOptions.SAVEPOINT_PATH)).endsWith("second/chk-2");
    }
}
