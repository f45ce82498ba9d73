package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.StreamingJob;
import io.tributary.pipelines.testutils.TributaryProcess;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job restored from a checkpoint older than its tables' commits (a rolled-back restore) fails at
 * once, saying why, instead of replaying commits as done whose rows now differ. The kills and
 * restarts of every streaming job are in {@link FaultHarnessITCase}.
 */
class OlderCheckpointRestoreITCase {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    /** Kept when the test fails: the lake and the checkpoints show what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void restoringACheckpointOlderThanTheTablesCommitsFailsAndSaysWhy() throws Exception {
        String topic = "weblogs.rolled-back";
        KAFKA.createTopic(topic, 1);
        List<String> lines = new WeblogGenerator(23).day(4_000, 0);
        StreamingJob job =
                new StreamingJob(
                        WeblogsPipeline.NAME,
                        dir.resolve("lake").toString(),
                        List.of(
                                "--mode",
                                "streaming",
                                "-D",
                                TributaryOptions.KAFKA_BOOTSTRAP_SERVERS.key()
                                        + "="
                                        + KAFKA.bootstrapServers(),
                                "-D",
                                WeblogsOptions.TOPIC.key() + "=" + topic,
                                "-D",
                                "execution.checkpointing.num-retained=100"));
        String old;
        try (TributaryProcess.Running running = job.start()) {
            KAFKA.sendLines(topic, lines.subList(0, 1_000));
            old = job.awaitNewCheckpoint(running);
            // Each commit awaited here needs lines sent after the one before it; the first may
            // still be the checkpoint's own commit, so the checkpoint ends older than at least
            // two commits however fast the machine runs.
            for (int part = 1; part <= 3; part++) {
                long version = job.version("bronze/weblogs_raw");
                KAFKA.sendLines(topic, lines.subList(part * 1_000, (part + 1) * 1_000));
                job.awaitAlive(
                        running,
                        "a commit of lines sent after the checkpoint",
                        () -> job.version("bronze/weblogs_raw") > version);
            }
        }

        try (TributaryProcess.Running rolledBack =
                job.start("-D", "execution.state-recovery.path=" + old)) {
            assertThat(rolledBack.awaitExit(StreamingJob.PATIENCE))
                    .as("the job fails rather than restarting forever")
                    .isNotZero();
            assertThat(rolledBack.stderr() + rolledBack.stdout())
                    .contains("was restored from the older checkpoint");
        }
    }
}
