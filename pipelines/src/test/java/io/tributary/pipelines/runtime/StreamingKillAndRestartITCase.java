package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.cdc.CdcOptions;
import io.tributary.pipelines.cdc.CdcPipeline;
import io.tributary.pipelines.demo.EmbeddedMariaDb;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.sre.SrePipeline;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.SreDataset;
import io.tributary.pipelines.testutils.StreamingJob;
import io.tributary.pipelines.testutils.TributaryProcess;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsOptions;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once under failure for the SRE job, which reads the silver tables the CDC job keeps: it
 * runs as a process of its own while changes keep arriving, is killed outright (SIGKILL) several
 * times — right after a Delta commit and at random points of the feed — and each time started
 * again with {@code --resume}; gold must end as one batch run gives it. And a restore from a
 * checkpoint older than the table's commits fails, saying why. The weblogs and CDC jobs go
 * through the same and more in {@link FaultHarnessITCase}.
 */
class StreamingKillAndRestartITCase {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final int KILLS = 4;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** Kept when a test fails: the lake and the checkpoints show what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final Random random = new Random(42);

    @Test
    void theSreJobKilledAgainAndAgainEndsWithTheGoldOfOneBatchRun() throws Exception {
        // The CDC job (in this JVM, never killed) keeps silver.sre_* current from a trickle of
        // Debezium events; the SRE job reads those tables continuously and is the one killed.
        String topic = "sre.killed";
        KAFKA.createTopic(topic, 2);
        SreDataset dataset = new SreDataset();
        List<String> events = dataset.debeziumEvents().values().stream().flatMap(List::stream).collect(Collectors.toList());
        String lake = dir.resolve("lake").toString();
        Configuration cdcConf = new Configuration();
        cdcConf.set(TributaryOptions.LAKE_ROOT, lake);
        cdcConf.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        cdcConf.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        cdcConf.set(TributaryOptions.STREAMING_CHECKPOINT_DIR, dir.resolve("cdc-checkpoints").toString());
        cdcConf.set(CdcOptions.TABLES_FILE, SreDataset.cdcTablesFile(dir.resolve("sre-tables.yaml"), t -> topic,
                "debezium-json").toString());
        JobClient cdc = new PipelineRunner(cdcConf, new PrintStream(new ByteArrayOutputStream()))
                .start(CdcPipeline.fromConfig(cdcConf));
        try {
            KafkaBroker.Feed feed = KAFKA.trickle(topic, events, 2, Duration.ofMillis(750));
            KillLoop loop = new KillLoop(lake, "gold/sre_sli_monthly", List.of("run", "sre", "--mode", "streaming",
                    "--resume", "-D", TributaryOptions.STREAMING_MONITOR_INTERVAL.key() + "=300ms"));
            loop.killRepeatedly(feed);

            List<List<String>> expected = sreGold(new Lake(sreBatchReference()));
            loop.runUntil("gold equals one batch run over the same rows", () -> sreGold(loop.lake()).equals(expected));
            assertThat(sreGold(loop.lake())).as(loop.journal()).isEqualTo(expected);
        } finally {
            cdc.cancel().get();
        }
    }

    /** The SRE backfill of the same rows from a database: the gold the killed job must end with. */
    private Configuration sreBatchReference() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir.resolve("mariadb"))) {
            Configuration conf = new Configuration();
            conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("reference").toString());
            conf.set(SreOptions.JDBC_URL, db.jdbcUrl());
            conf.set(SreOptions.JDBC_USER, EmbeddedMariaDb.USER);
            new SreDataset().writeTo(SreDatabase.fromConfig(conf));
            new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream())).run(SrePipeline.fromConfig(conf), PipelineMode.BATCH);
            return conf;
        }
    }

    private static List<List<String>> sreGold(Lake lake) {
        List<List<String>> tables = new ArrayList<>();
        for (String table : SrePipeline.GOLD) {
            try {
                tables.add(lake.rowsRounded("SELECT * FROM " + table).stream().sorted().collect(Collectors.toList()));
            } catch (Exception e) {
                tables.add(List.of("unreadable: " + e.getMessage()));
            }
        }
        return tables;
    }

    @Test
    void restoringACheckpointOlderThanTheTablesCommitsFailsAndSaysWhy() throws Exception {
        String topic = "weblogs.rolled-back";
        KAFKA.createTopic(topic, 1);
        List<String> lines = new WeblogGenerator(23).day(3_000, 0);
        String lake = dir.resolve("lake").toString();
        KafkaBroker.Feed feed = KAFKA.trickle(topic, lines, 100, Duration.ofMillis(300));
        KillLoop loop = new KillLoop(lake, "bronze/weblogs_raw", List.of("run", "weblogs", "--mode", "streaming",
                "-D", TributaryOptions.KAFKA_BOOTSTRAP_SERVERS.key() + "=" + KAFKA.bootstrapServers(),
                "-D", WeblogsOptions.TOPIC.key() + "=" + topic,
                "-D", "execution.checkpointing.num-retained=100"));
        String old;
        try (TributaryProcess.Running job = loop.start()) {
            old = loop.awaitNewCheckpoint(job);
            long version = versionOf(lake, "bronze/weblogs_raw");
            loop.awaitAlive(job, "two commits after the checkpoint",
                    () -> versionOf(lake, "bronze/weblogs_raw") >= version + 2);
        }
        feed.await(PATIENCE);

        try (TributaryProcess.Running rolledBack = loop.start("-D", "execution.state-recovery.path=" + old)) {
            assertThat(rolledBack.awaitExit(PATIENCE)).as("the job fails rather than restarting forever").isNotZero();
            assertThat(rolledBack.stderr() + rolledBack.stdout()).contains("was restored from the older checkpoint");
        }
    }

    private static long versionOf(String lake, String table) {
        return DeltaTableInfo.load(lake + "/" + table, Map.of()).map(DeltaTableInfo::version).orElse(-1L);
    }

    /** Starts a pipeline's CLI process, waits for it to be under way, kills it, and does it again. */
    private final class KillLoop {
        private final StreamingJob job;
        private final String watchedTable;
        private final List<String> outputs = new ArrayList<>();
        /** What each run resumed from and when it was killed, for failure messages. */
        private final StringBuilder journal = new StringBuilder();

        KillLoop(String lake, String watchedTable, List<String> pipelineArgs) throws Exception {
            this.job = new StreamingJob(pipelineArgs.get(1), lake, pipelineArgs.subList(2, pipelineArgs.size()));
            this.watchedTable = watchedTable;
        }

        Lake lake() {
            return job.lake();
        }

        /**
         * Kills the job {@link #KILLS} times while {@code feed} runs: every other kill comes the
         * moment the watched table gains a commit (so the restore replays a checkpoint whose files
         * are already in the table), the others at a random point of the feed after a checkpoint.
         */
        void killRepeatedly(KafkaBroker.Feed feed) throws Exception {
            for (int kill = 0; kill < KILLS; kill++) {
                try (TributaryProcess.Running running = job.start()) {
                    String checkpoint = job.awaitNewCheckpoint(running);
                    String when;
                    if (kill % 2 == 0) {
                        long version = job.version(watchedTable);
                        // Once the feed has ended and its last commit is in, no further commit comes.
                        job.awaitAlive(running, "a commit after version " + version,
                                () -> job.version(watchedTable) > version || feed.isDone());
                        when = job.version(watchedTable) > version ? "right after a commit" : "after the feed ended";
                    } else {
                        // A random point in the stream: after a random share of the next events
                        // (or at once when the feed has ended).
                        int target = feed.sent() + 1 + random.nextInt(1_000);
                        job.awaitAlive(running, "the feed to pass event " + target,
                                () -> feed.sent() >= target || feed.isDone());
                        when = "at a random point";
                    }
                    assertThat(running.isAlive()).as("the job was running when killed:\n%s", running.stderr()).isTrue();
                    running.kill();
                    outputs.add(running.stdout());
                    journal.append(String.format("run %d: %s; killed %s after checkpoint %s at table version %d%n",
                            kill + 1, firstLine(running.stdout()), when, checkpoint, job.version(watchedTable)));
                }
            }
            feed.await(PATIENCE);
            assertThat(String.join("\n", outputs)).as("later runs resumed from checkpoints")
                    .contains("Resuming from checkpoint");
        }

        /**
         * Runs the job once more, resumed, until {@code done} holds or time runs out, then stops it;
         * the caller's assertions say what is missing.
         */
        void runUntil(String done, Await.Condition condition) throws Exception {
            try (TributaryProcess.Running running = job.start()) {
                Await.holdsWithin(PATIENCE, job.whileAlive(running, done, condition));
            }
        }

        TributaryProcess.Running start(String... extraArgs) throws Exception {
            return job.start(extraArgs);
        }

        String awaitNewCheckpoint(TributaryProcess.Running running) throws Exception {
            return job.awaitNewCheckpoint(running);
        }

        void awaitAlive(TributaryProcess.Running running, String what, Await.Condition condition) throws Exception {
            job.awaitAlive(running, what, condition);
        }

        String journal() {
            return journal.toString();
        }

        private String firstLine(String stdout) {
            return stdout.lines().filter(l -> l.contains("checkpoint")).findFirst().orElse("fresh start");
        }
    }
}
