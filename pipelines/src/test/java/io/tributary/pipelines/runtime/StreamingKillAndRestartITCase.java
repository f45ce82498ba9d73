package io.tributary.pipelines.runtime;

import io.tributary.connector.delta.DeltaTableInfo;
import io.tributary.pipelines.cdc.CdcOptions;
import io.tributary.pipelines.cdc.CdcPipeline;
import io.tributary.pipelines.demo.EmbeddedMariaDb;
import io.tributary.pipelines.demo.OrderChangeScript;
import io.tributary.pipelines.sre.SreDatabase;
import io.tributary.pipelines.sre.SreOptions;
import io.tributary.pipelines.sre.SrePipeline;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.OrderChanges;
import io.tributary.pipelines.testutils.SreDataset;
import io.tributary.pipelines.testutils.TributaryProcess;
import io.tributary.pipelines.testutils.WeblogsFixture;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once under failure: a streaming job runs as a process of its own, as {@code bin/tributary}
 * runs it, while events keep arriving; it is killed outright (SIGKILL) several times — right after a
 * Delta commit, before the next checkpoint, and at random points of the feed — and each time started again
 * with {@code --resume} from the checkpoint it left. The tables must end with every event exactly
 * once and the results an uninterrupted run gives.
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
    void theWeblogsJobKilledAgainAndAgainWritesEveryLineOnceAndTheGoldOfOneBatchRun() throws Exception {
        String topic = "weblogs.killed";
        KAFKA.createTopic(topic, 2);
        List<Path> files = new WeblogGenerator(17).generate(dir.resolve("generated"), 12_000, 4).files;
        List<String> lines = WeblogsFixture.lines(files);
        String lake = dir.resolve("lake").toString();

        KafkaBroker.Feed feed = KAFKA.trickle(topic, lines, 200, Duration.ofMillis(750));
        KillLoop loop = new KillLoop(lake, "bronze/weblogs_raw", List.of("run", "weblogs", "--mode", "streaming",
                "--resume", "-D", TributaryOptions.KAFKA_BOOTSTRAP_SERVERS.key() + "=" + KAFKA.bootstrapServers(),
                "-D", WeblogsOptions.TOPIC.key() + "=" + topic));
        loop.killRepeatedly(feed);

        Configuration reference = new Configuration();
        reference.set(TributaryOptions.LAKE_ROOT, dir.resolve("reference").toString());
        reference.set(TributaryOptions.LANDING_ROOT, dir.resolve("reference-landing").toString());
        WeblogsFixture.land(reference, files);
        new PipelineRunner(reference, new PrintStream(new ByteArrayOutputStream()))
                .run(new WeblogsPipeline(), PipelineMode.BATCH);
        List<List<String>> expectedGold = WeblogsFixture.gold(new Lake(reference));

        Lake result = loop.lake();
        loop.runUntil("every line is in bronze and gold equals one batch run", () ->
                rowsOf(lake, "bronze/weblogs_raw") == lines.size() && WeblogsFixture.gold(loop.lake()).equals(expectedGold));

        assertThat(result.rows("SELECT COUNT(*), COUNT(DISTINCT source_file || '#' || CAST(line_number AS STRING))"
                + " FROM bronze.weblogs_raw")).as("every line exactly once\n%s", loop.journal())
                .containsExactly(lines.size() + "," + lines.size());
        assertThat(result.count("silver.weblogs_requests") + result.count("silver.weblogs_rejects"))
                .as("every line parsed or rejected, once\n%s", loop.journal()).isEqualTo(lines.size());
        assertThat(WeblogsFixture.gold(result)).as(loop.journal()).isEqualTo(expectedGold);
    }

    @Test
    void theCdcJobKilledAgainAndAgainKeepsEveryEventOnceAndTheSourcesTables() throws Exception {
        String topic = "cdc.killed";
        KAFKA.createTopic(topic, 3);
        List<OrderChangeScript.Change> script = OrderChangeScript.script(5, 60, 4_000);
        List<String> events = OrderChangeScript.shuffled(script, 9).stream()
                .map(OrderChangeScript.Change::debezium).collect(Collectors.toList());
        Path tables = Files.writeString(dir.resolve("tables.yaml"), "tables:\n"
                + "  - source: public.orders\n    domain: shop\n    topic: " + topic + "\n"
                + "    format: debezium-json\n    primary-key: [id]\n    history: true\n"
                + "    columns:\n      " + OrderChangeScript.COLUMNS + "\n");
        String lake = dir.resolve("lake").toString();

        KafkaBroker.Feed feed = KAFKA.trickle(topic, events, 60, Duration.ofMillis(750));
        KillLoop loop = new KillLoop(lake, "bronze/cdc_orders", List.of("run", "cdc", "--mode", "streaming",
                "--resume", "-D", TributaryOptions.KAFKA_BOOTSTRAP_SERVERS.key() + "=" + KAFKA.bootstrapServers(),
                "-D", CdcOptions.TABLES_FILE.key() + "=" + tables));
        loop.killRepeatedly(feed);

        List<String> current = OrderChanges.currentRows(script);
        List<String> history = OrderChanges.historyRows(script);
        loop.runUntil("every event is in bronze and silver holds the source's tables", () ->
                rowsOf(lake, "bronze/cdc_orders") == events.size()
                        && sorted(loop.lake(), "silver.shop_orders").equals(current)
                        && sorted(loop.lake(), "silver.shop_orders_history").equals(history));

        Lake result = loop.lake();
        assertThat(result.rows("SELECT COUNT(*), COUNT(DISTINCT source || '#' || CAST(source_offset AS STRING))"
                + " FROM bronze.cdc_orders")).as("every event exactly once\n%s", loop.journal())
                .containsExactly(events.size() + "," + events.size());
        assertThat(sorted(result, "silver.shop_orders")).as(loop.journal()).isEqualTo(current);
        assertThat(sorted(result, "silver.shop_orders_history")).as(loop.journal()).isEqualTo(history);
        assertThat(result.count("bronze.cdc_rejects") + result.count("silver.cdc_rejects")).isZero();
    }

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

    private static List<String> sorted(Lake lake, String table) throws Exception {
        return lake.rows("SELECT * FROM " + table).stream().sorted().collect(Collectors.toList());
    }

    private static long rowsOf(String lake, String table) {
        return DeltaTableInfo.load(lake + "/" + table, Map.of()).map(DeltaTableInfo::rows).orElse(0L);
    }

    private static long versionOf(String lake, String table) {
        return DeltaTableInfo.load(lake + "/" + table, Map.of()).map(DeltaTableInfo::version).orElse(-1L);
    }

    /** Starts a pipeline's CLI process, waits for it to be under way, kills it, and does it again. */
    private final class KillLoop {
        private final String lake;
        private final String watchedTable;
        private final List<String> args;
        private final TributaryProcess tributary;
        private final List<String> outputs = new ArrayList<>();
        /** What each run resumed from and when it was killed, for failure messages. */
        private final StringBuilder journal = new StringBuilder();

        KillLoop(String lake, String watchedTable, List<String> pipelineArgs) throws Exception {
            this.lake = lake;
            this.watchedTable = watchedTable;
            this.args = new ArrayList<>(pipelineArgs);
            args.addAll(List.of("-D", TributaryOptions.LAKE_ROOT.key() + "=" + lake,
                    "-D", TributaryOptions.STREAMING_CHECKPOINT_INTERVAL.key() + "=500ms",
                    "-D", TributaryOptions.SINK_TARGET_FILE_SIZE.key() + "=64kb"));
            this.tributary = TributaryProcess.fromBuild();
        }

        Lake lake() {
            return new Lake(configuration());
        }

        /**
         * Kills the job {@link #KILLS} times while {@code feed} runs: every other kill comes the
         * moment the watched table gains a commit (so the restore replays a checkpoint whose files
         * are already in the table), the others at a random point of the feed after a checkpoint.
         */
        void killRepeatedly(KafkaBroker.Feed feed) throws Exception {
            for (int kill = 0; kill < KILLS; kill++) {
                try (TributaryProcess.Running job = start()) {
                    String checkpoint = awaitNewCheckpoint(job);
                    String when;
                    if (kill % 2 == 0) {
                        long version = versionOf(lake, watchedTable);
                        // Once the feed has ended and its last commit is in, no further commit comes.
                        awaitAlive(job, "a commit after version " + version,
                                () -> versionOf(lake, watchedTable) > version || feed.isDone());
                        when = versionOf(lake, watchedTable) > version ? "right after a commit" : "after the feed ended";
                    } else {
                        // A random point in the stream: after a random share of the next events
                        // (or at once when the feed has ended).
                        int target = feed.sent() + 1 + random.nextInt(1_000);
                        awaitAlive(job, "the feed to pass event " + target,
                                () -> feed.sent() >= target || feed.isDone());
                        when = "at a random point";
                    }
                    assertThat(job.isAlive()).as("the job was running when killed:\n%s", job.stderr()).isTrue();
                    job.kill();
                    outputs.add(job.stdout());
                    journal.append(String.format("run %d: %s; killed %s after checkpoint %s at table version %d%n",
                            kill + 1, firstLine(job.stdout()), when,
                            checkpoint, versionOf(lake, watchedTable)));
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
            try (TributaryProcess.Running job = start()) {
                Await.holdsWithin(PATIENCE, whileAlive(job, done, condition));
            }
        }

        TributaryProcess.Running start(String... extraArgs) throws Exception {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of(extraArgs));
            return tributary.start(all.toArray(String[]::new));
        }

        /** Waits for the run's first checkpoint and returns it. */
        String awaitNewCheckpoint(TributaryProcess.Running job) throws Exception {
            String checkpoints = RetainedCheckpoints.directory(configuration(), args.get(1));
            Optional<String> before = RetainedCheckpoints.latest(checkpoints);
            awaitAlive(job, "a first checkpoint of this run",
                    () -> RetainedCheckpoints.latest(checkpoints).filter(c -> !Optional.of(c).equals(before)).isPresent());
            return RetainedCheckpoints.latest(checkpoints).orElseThrow();
        }

        String journal() {
            return journal.toString();
        }

        private String firstLine(String stdout) {
            return stdout.lines().filter(l -> l.contains("checkpoint")).findFirst().orElse("fresh start");
        }

        void awaitAlive(TributaryProcess.Running job, String what, Await.Condition condition) throws Exception {
            Await.until(what, PATIENCE, whileAlive(job, what, condition));
        }

        /** The condition, failing at once if the job died meanwhile. */
        private Await.Condition whileAlive(TributaryProcess.Running job, String what, Await.Condition condition) {
            return () -> {
                if (!job.isAlive()) {
                    throw new AssertionError("The job died waiting for " + what + ":\n" + job.stderr() + job.stdout());
                }
                return condition.holds();
            };
        }

        private Configuration configuration() {
            Configuration conf = new Configuration();
            conf.set(TributaryOptions.LAKE_ROOT, lake);
            return conf;
        }
    }
}
