package io.tributary.pipelines.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.CdcOptions;
import io.tributary.pipelines.cdc.command.OrderChangeScript;
import io.tributary.pipelines.cli.TributaryCli;
import io.tributary.pipelines.sre.SrePipeline;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.OrderChanges;
import io.tributary.pipelines.testutils.SreDataset;
import io.tributary.pipelines.testutils.SreLakes;
import io.tributary.pipelines.testutils.StreamingJob;
import io.tributary.pipelines.testutils.TributaryProcess;
import io.tributary.pipelines.testutils.WeblogsFixture;
import io.tributary.pipelines.weblogs.WeblogGenerator;
import io.tributary.pipelines.weblogs.WeblogsOptions;
import io.tributary.pipelines.weblogs.WeblogsPipeline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault harness: the weblogs, CDC and SRE streaming jobs run as processes of their own while
 * their feeds keep arriving (the SRE job reads the silver tables the CDC job keeps), a weblogs
 * backfill races the weblogs stream, and the jobs are killed outright (SIGKILL) again and again at
 * moments chosen from the lake's state — right after a commit, between two sinks' commits, while a
 * checkpoint is being written, as a log checkpoint appears, at random — with a vacuum that keeps
 * nothing older than now between some rounds, an optimize running alongside others, and some runs
 * started without state. At the end every table is compared, row by row, with one uninterrupted
 * batch run over the same input (weblogs, SRE from its database) or the source's own tables (CDC),
 * and the figures are printed.
 *
 * <p>The suite runs {@value #DEFAULT_FAULTS} faults; {@code -Dtributary.chaos.faults=N} and {@code
 * -Dtributary.chaos.seed=S} run more, or others: {@code mvn -B verify -pl pipelines -Dtest=none
 * -Dit.test=FaultHarnessITCase -Dtributary.chaos.faults=60}.
 */
class FaultHarnessITCase {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    /**
     * Three kills of each job: with the rotations two kinds apart, every kind of moment but one is
     * met by two jobs, and each job has an optimize, a fresh start and a vacuum. Twelve kept the
     * suite over its time budget on a slow machine (docs/reliability.md).
     */
    private static final int DEFAULT_FAULTS = 9;

    private static final List<String> SRE_SILVER =
            List.of("silver.sre_esteira_prod", "silver.sre_log", "silver.sre_chamados");

    /** Kept when the run fails: the lake and the checkpoints show what happened. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void streamsKilledAgainAndAgainWithABackfillAndMaintenanceAlongsideLoseAndDoubleNothing()
            throws Exception {
        int faults = Integer.getInteger("tributary.chaos.faults", DEFAULT_FAULTS);
        long seed = Long.getLong("tributary.chaos.seed", 7L);
        String lake = dir.resolve("lake").toString();

        // Weblogs: lines through Kafka, and other days' files backfilled while the stream runs.
        KAFKA.createTopic("chaos.weblogs", 2);
        List<Path> streamed =
                new WeblogGenerator(seed).generate(dir.resolve("streamed"), 12_000, 3).files;
        List<String> lines = WeblogsFixture.lines(streamed);
        Path backfillLanding = dir.resolve("backfill-landing");
        List<Path> backfilled = new ArrayList<>();
        for (Path f :
                new WeblogGenerator(seed + 1).generate(dir.resolve("backfilled"), 4_000, 2).files) {
            Path landed =
                    Files.createDirectories(backfillLanding.resolve(WeblogsPipeline.NAME))
                            .resolve("backfill-" + f.getFileName());
            backfilled.add(Files.copy(f, landed));
        }
        long backfillLines = WeblogsFixture.lines(backfilled).size();
        StreamingJob weblogs =
                new StreamingJob(
                        WeblogsPipeline.NAME,
                        lake,
                        List.of(
                                "--mode",
                                "streaming",
                                "--resume",
                                "-D",
                                TributaryOptions.KAFKA_BOOTSTRAP_SERVERS.key()
                                        + "="
                                        + KAFKA.bootstrapServers(),
                                "-D",
                                WeblogsOptions.TOPIC.key() + "=chaos.weblogs"));

        // CDC: Debezium changes of an orders table, shuffled across partitions as Kafka may deliver
        // them.
        KAFKA.createTopic("chaos.cdc", 3);
        List<OrderChangeScript.Change> script = OrderChangeScript.script(seed, 60, 4_000);
        List<String> events =
                OrderChangeScript.shuffled(script, seed).stream()
                        .map(OrderChangeScript.Change::debezium)
                        .collect(Collectors.toList());
        // The same CDC job keeps the SRE tables current from the SRE source's changes.
        KAFKA.createTopic("chaos.sre", 2);
        List<String> sreEvents =
                new SreDataset()
                        .debeziumEvents().values().stream()
                                .flatMap(List::stream)
                                .collect(Collectors.toList());
        String sreTables =
                Files.readString(
                        SreDataset.cdcTablesFile(
                                dir.resolve("sre-tables.yaml"), t -> "chaos.sre", "debezium-json"));
        Path tables =
                Files.writeString(
                        dir.resolve("tables.yaml"),
                        "tables:\n"
                                + "  - source: public.orders\n    domain: shop\n    topic: chaos.cdc\n"
                                + "    format: debezium-json\n    primary-key: [id]\n    history: true\n"
                                + "    columns:\n      "
                                + OrderChangeScript.COLUMNS
                                + "\n"
                                + sreTables.substring(
                                        sreTables.indexOf("tables:") + "tables:".length() + 1));
        StreamingJob cdc =
                new StreamingJob(
                        "cdc",
                        lake,
                        List.of(
                                "--mode",
                                "streaming",
                                "--resume",
                                "-D",
                                TributaryOptions.KAFKA_BOOTSTRAP_SERVERS.key()
                                        + "="
                                        + KAFKA.bootstrapServers(),
                                "-D",
                                CdcOptions.TABLES_FILE.key() + "=" + tables));

        // SRE: its streaming job reads the silver tables the (killed) CDC job keeps and recomputes
        // gold.
        StreamingJob sre =
                new StreamingJob(
                        SrePipeline.NAME,
                        lake,
                        List.of(
                                "--mode",
                                "streaming",
                                "--resume",
                                "-D",
                                TributaryOptions.STREAMING_MONITOR_INTERVAL.key() + "=300ms"));

        FaultInjector weblogsFaults =
                new FaultInjector(
                        weblogs,
                        "bronze/weblogs_raw",
                        "silver/weblogs_requests",
                        List.of(
                                "bronze.weblogs_raw",
                                "silver.weblogs_requests",
                                "silver.weblogs_rejects"),
                        new Random(seed));
        FaultInjector cdcFaults =
                new FaultInjector(
                                cdc,
                                "bronze/cdc_orders",
                                "silver/shop_orders",
                                List.of(
                                        "bronze.cdc_orders",
                                        "silver.shop_orders",
                                        "silver.shop_orders_history"),
                                new Random(seed + 1))
                        .firstFault(2);
        FaultInjector sreFaults =
                new FaultInjector(
                                sre,
                                "gold/sre_sli_monthly",
                                "gold/sre_slo_report",
                                SrePipeline.GOLD,
                                new Random(seed + 2))
                        .firstFault(4);
        // Paced to last about as long as the rounds (a restart takes seconds), so most kills land
        // mid-feed;
        // the figures say how many came after a feed had ended, while the job caught up.
        KafkaBroker.Feed weblogsFeed =
                KAFKA.trickle(
                        "chaos.weblogs",
                        lines,
                        Math.max(1, lines.size() / (faults * 48)),
                        Duration.ofMillis(250));
        KafkaBroker.Feed cdcFeed =
                KAFKA.trickle(
                        "chaos.cdc",
                        events,
                        Math.max(1, events.size() / (faults * 48)),
                        Duration.ofMillis(250));
        // The SRE source changes rarely: its few dozen changes are spread over the same time, one
        // at a time.
        KafkaBroker.Feed sreFeed =
                KAFKA.trickle(
                        "chaos.sre",
                        sreEvents,
                        1,
                        Duration.ofMillis(Math.max(250, faults * 12_000L / sreEvents.size())));

        // The backfill starts with the weblogs stream's second round and races it.
        CompletableFuture<String> backfill = new CompletableFuture<>();
        weblogsFaults.beforeRound(
                1,
                () ->
                        CompletableFuture.runAsync(
                                () -> {
                                    try {
                                        backfill.complete(
                                                TributaryProcess.fromBuild()
                                                        .run(
                                                                "run",
                                                                WeblogsPipeline.NAME,
                                                                "--mode",
                                                                "batch",
                                                                "-D",
                                                                TributaryOptions.LAKE_ROOT.key()
                                                                        + "="
                                                                        + lake,
                                                                "-D",
                                                                TributaryOptions.LANDING_ROOT.key()
                                                                        + "="
                                                                        + backfillLanding));
                                    } catch (Throwable e) {
                                        backfill.completeExceptionally(e);
                                    }
                                }));
        // A vacuum of the weblogs tables must not delete files the racing backfill is writing.
        weblogsFaults.beforeVacuum(() -> backfill.get());
        // The weblogs rounds are the slowest (a backfill races them): they get no more than the
        // others.
        int sreKills = faults / 3;
        int weblogsKills = (faults - sreKills) / 2;
        CompletableFuture<Void> cdcRounds =
                CompletableFuture.runAsync(
                        () -> cdcFaults.inject(faults - sreKills - weblogsKills, cdcFeed));
        CompletableFuture<Void> sreRounds =
                CompletableFuture.runAsync(
                        () -> {
                            try { // the SRE job reads what the CDC job creates
                                Await.until(
                                        "the CDC job's SRE tables",
                                        StreamingJob.PATIENCE,
                                        () ->
                                                SRE_SILVER.stream()
                                                        .allMatch(
                                                                t ->
                                                                        cdc.version(
                                                                                        t.replace(
                                                                                                '.',
                                                                                                '/'))
                                                                                >= 0));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            sreFaults.inject(sreKills, sreFeed);
                        });
        weblogsFaults.inject(weblogsKills, weblogsFeed);
        cdcRounds.get();
        sreRounds.get();
        assertThat(backfill.get()).as("the backfill ran beside the stream").contains("bronze");

        // One uninterrupted batch run over the same lines: what the lake must end with.
        Configuration reference = new Configuration();
        reference.set(TributaryOptions.LAKE_ROOT, dir.resolve("reference").toString());
        reference.set(TributaryOptions.LANDING_ROOT, dir.resolve("reference-landing").toString());
        WeblogsFixture.land(reference, streamed);
        WeblogsFixture.land(reference, backfilled);
        new PipelineRunner(reference, new PrintStream(new ByteArrayOutputStream()))
                .run(new WeblogsPipeline(), PipelineMode.BATCH);
        List<List<String>> expectedGold = WeblogsFixture.gold(new Lake(reference));
        List<String> expectedCurrent = OrderChanges.currentRows(script);
        List<String> expectedHistory = OrderChanges.historyRows(script);
        long weblogsLines = lines.size() + backfillLines;
        Lake sreReference = new Lake(SreLakes.batchReference(dir.resolve("sre-reference")));
        List<List<String>> expectedSreGold = SreLakes.gold(sreReference);

        // The jobs once more, until they have caught up (or time runs out: the figures say what is
        // missing).
        try (TributaryProcess.Running w = weblogs.start();
                TributaryProcess.Running c = cdc.start();
                TributaryProcess.Running r = sre.start()) {
            weblogs.awaitAlive(
                    w,
                    "weblogs caught up",
                    () ->
                            weblogs.rows("bronze/weblogs_raw") >= weblogsLines
                                    && WeblogsFixture.gold(weblogs.lake()).equals(expectedGold));
            cdc.awaitAlive(
                    c,
                    "cdc caught up",
                    () ->
                            cdc.rows("bronze/cdc_orders") >= events.size()
                                    && sorted(cdc.lake(), "silver.shop_orders")
                                            .equals(expectedCurrent)
                                    && sorted(cdc.lake(), "silver.shop_orders_history")
                                            .equals(expectedHistory));
            sre.awaitAlive(
                    r, "sre caught up", () -> SreLakes.gold(sre.lake()).equals(expectedSreGold));
        }

        Lake result = weblogs.lake();
        Comparison comparison = new Comparison();
        comparison.lines(
                "bronze.weblogs_raw",
                weblogsLines,
                result.rows(
                                "SELECT COUNT(*), COUNT(DISTINCT source_file "
                                        + "|| '#' || CAST(line_number AS STRING)) FROM bronze.weblogs_raw")
                        .get(0));
        comparison.count(
                "silver.weblogs_requests + silver.weblogs_rejects",
                weblogsLines,
                result.count("silver.weblogs_requests") + result.count("silver.weblogs_rejects"));
        List<List<String>> gold = WeblogsFixture.gold(result);
        for (int i = 0; i < WeblogsPipeline.GOLD.size(); i++) {
            comparison.rows(WeblogsPipeline.GOLD.get(i), expectedGold.get(i), gold.get(i));
        }
        comparison.lines(
                "bronze.cdc_orders",
                events.size(),
                result.rows(
                                "SELECT COUNT(*), COUNT(DISTINCT source "
                                        + "|| '#' || CAST(source_offset AS STRING)) FROM bronze.cdc_orders")
                        .get(0));
        comparison.rows(
                "silver.shop_orders", expectedCurrent, sorted(result, "silver.shop_orders"));
        comparison.rows(
                "silver.shop_orders_history",
                expectedHistory,
                sorted(result, "silver.shop_orders_history"));
        for (String table : SRE_SILVER) {
            comparison.rows(
                    table,
                    sorted(sreReference.rowsRounded("SELECT * FROM " + table)),
                    sorted(result.rowsRounded("SELECT * FROM " + table)));
        }
        List<List<String>> sreGold = SreLakes.gold(result);
        for (int i = 0; i < SrePipeline.GOLD.size(); i++) {
            comparison.rows(SrePipeline.GOLD.get(i), expectedSreGold.get(i), sreGold.get(i));
        }

        int injected = weblogsFaults.injected() + cdcFaults.injected() + sreFaults.injected();
        String report =
                "Fault harness (seed "
                        + seed
                        + "): "
                        + injected
                        + " faults injected\n"
                        + weblogsFaults.summary()
                        + cdcFaults.summary()
                        + sreFaults.summary()
                        + comparison.summary();
        String journal = weblogsFaults.journal() + cdcFaults.journal() + sreFaults.journal();
        System.out.println(report + journal);
        assertThat(injected).isEqualTo(faults);
        assertThat(comparison.differences()).as(report + "\n" + journal).isZero();
    }

    private static List<String> sorted(Lake lake, String table) throws Exception {
        return sorted(lake.rows("SELECT * FROM " + table));
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().collect(Collectors.toList());
    }

    /** Runs the CLI in this JVM, as an operator would alongside the jobs. */
    static void maintain(String lake, String action, List<String> tables, String... options) {
        List<String> args = new ArrayList<>(List.of("maintain", action));
        tables.forEach(t -> args.addAll(List.of("--table", t)));
        args.addAll(List.of(options));
        args.addAll(List.of("-D", TributaryOptions.LAKE_ROOT.key() + "=" + lake));
        int code = TributaryCli.commandLine().execute(args.toArray(String[]::new));
        assertThat(code).as("tributary " + String.join(" ", args)).isZero();
    }

    /** Expected and actual rows of each table, and what differs. */
    private static final class Comparison {
        private final StringBuilder summary = new StringBuilder();
        private long compared;
        private long differences;

        /**
         * A table whose rows each stand for one input line: its count, and its count of distinct
         * inputs.
         */
        void lines(String table, long expected, String countAndDistinct) {
            long count = Long.parseLong(countAndDistinct.split(",")[0]);
            long distinct = Long.parseLong(countAndDistinct.split(",")[1]);
            long lost = Math.max(0, expected - distinct);
            long doubled = count - distinct;
            add(
                    table,
                    count,
                    lost + doubled + Math.max(0, distinct - expected),
                    "lost " + lost + ", doubled " + doubled);
        }

        void count(String what, long expected, long actual) {
            add(what, actual, Math.abs(expected - actual), "expected " + expected);
        }

        void rows(String table, List<String> expected, List<String> actual) {
            List<String> missing = new ArrayList<>(expected);
            actual.forEach(missing::remove);
            List<String> extra = new ArrayList<>(actual);
            expected.forEach(extra::remove);
            add(
                    table,
                    actual.size(),
                    missing.size() + extra.size(),
                    "missing " + missing.size() + ", extra " + extra.size());
        }

        private void add(String table, long rows, long differing, String detail) {
            compared += rows;
            differences += differing;
            summary.append(
                    String.format("| %s | %,d | %d | %s |%n", table, rows, differing, detail));
        }

        long differences() {
            return differences;
        }

        String summary() {
            return "| table | rows compared | differences | detail |\n|---|---:|---:|---|\n"
                    + summary
                    + String.format("| **all** | **%,d** | **%d** | |%n", compared, differences);
        }
    }
}
