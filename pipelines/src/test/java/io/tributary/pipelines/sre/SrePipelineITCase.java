package io.tributary.pipelines.sre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tributary.pipelines.cdc.CdcOptions;
import io.tributary.pipelines.cdc.CdcPipeline;
import io.tributary.pipelines.cli.TributaryCli;
import io.tributary.pipelines.demo.EmbeddedMariaDb;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.KafkaBroker;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.NamedQueries;
import io.tributary.pipelines.testutils.SreDataset;
import io.tributary.pipelines.testutils.SreLakes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SRE pipeline against real databases (an embedded MariaDB and an embedded PostgreSQL) and, in
 * streaming mode, against Debezium change events of the same rows through an in-JVM Kafka broker:
 * the SLIs of {@link SreDataset}, worked out by hand, and the same gold either way.
 */
class SrePipelineITCase {
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir static Path dir;

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedPostgres postgres;
    private static Configuration mariaDbBatch;

    @BeforeAll
    static void startDatabases() throws Exception {
        mariaDb = EmbeddedMariaDb.start(dir.resolve("mariadb"));
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        if (mariaDb != null) {
            mariaDb.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Configuration conf(String lake) {
        Configuration conf = SreLakes.lake(dir.resolve(lake));
        conf.set(SreOptions.SCAN_PARTITIONS, 3);
        return conf;
    }

    private static Configuration mariaDb(String lake) {
        Configuration conf = conf(lake);
        conf.set(SreOptions.JDBC_URL, mariaDb.jdbcUrl());
        conf.set(SreOptions.JDBC_USER, EmbeddedMariaDb.USER);
        return conf;
    }

    private static Configuration postgres(String lake) {
        return SreLakes.readingPostgres(conf(lake), postgres);
    }

    /** The MariaDB backfill of the dataset, run once for the tests that compare with it. */
    private static synchronized Configuration mariaDbBatch() throws Exception {
        if (mariaDbBatch == null) {
            Configuration conf = mariaDb("mariadb-lake");
            runBatch(conf);
            mariaDbBatch = conf;
        }
        return mariaDbBatch;
    }

    private static void runBatch(Configuration conf) throws Exception {
        new SreDataset().writeTo(SreDatabase.fromConfig(conf));
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(SrePipeline.fromConfig(conf), PipelineMode.BATCH);
    }

    @Test
    void mariaDbBatchGivesTheSlisWorkedOutByHand() throws Exception {
        Configuration conf = mariaDbBatch();
        assertHandWorkedAnswers(new Lake(conf));
        NamedQueries.assertEachPlans(SrePipeline.class, new Lake(conf));

        Path page = dir.resolve("report.html");
        int code =
                TributaryCli.commandLine()
                        .execute(
                                "report",
                                "sre",
                                "--out",
                                page.toString(),
                                "-D",
                                TributaryOptions.LAKE_ROOT.key()
                                        + "="
                                        + conf.get(TributaryOptions.LAKE_ROOT));
        assertThat(code).isZero();
        String html = Files.readString(page);
        assertThat(html)
                .as("the latest year")
                .contains(
                        "<h1>SRE report 2025</h1>",
                        "Rejected rows: 7",
                        "Incidents in assignment group dba take 2.5 days on average");
        assertThat(html.split("<svg", -1)).as("a chart per SLO judged on 2025's months").hasSize(5);
        java.util.regex.Matcher charts =
                java.util.regex.Pattern.compile("<svg.*?</svg>").matcher(html);
        while (charts.find()) {
            // Each chart is well-formed XML (SVG): a browser would otherwise show nothing.
            javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(
                            new java.io.ByteArrayInputStream(
                                    charts.group()
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void postgresBatchGivesTheSameAnswers() throws Exception {
        Configuration conf = postgres("postgres-lake");
        runBatch(conf);
        assertHandWorkedAnswers(new Lake(conf));
    }

    @Test
    void generateFillsADatabaseWithAYearAndItsBadRows() throws Exception {
        String url =
                postgres.getJdbcUrl("postgres", "postgres")
                        .replaceFirst("/postgres\\?.*$", "/generated");
        try (var c = postgres.getPostgresDatabase().getConnection();
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE generated");
        }
        int code =
                TributaryCli.commandLine()
                        .execute(
                                "generate",
                                "sre",
                                "--requests",
                                "3000",
                                "--year",
                                "2024",
                                "--jdbc-url",
                                url,
                                "--user",
                                "postgres");
        assertThat(code).isZero();
        Configuration conf = conf("generated-lake");
        conf.set(SreOptions.JDBC_URL, url);
        conf.set(SreOptions.JDBC_USER, "postgres");
        try (var c = SreDatabase.fromConfig(conf).connect();
                var s = c.createStatement();
                var r =
                        s.executeQuery(
                                "SELECT (SELECT COUNT(*) FROM log), (SELECT COUNT(*) FROM esteira_prod "
                                        + "WHERE finished_at < started_at OR status NOT IN ('success', 'failure', 'cancelled') "
                                        + "OR started_at IS NULL), (SELECT MIN(EXTRACT(YEAR FROM opened_at)) FROM chamados)")) {
            r.next();
            assertThat(r.getLong(1)).as("requests and the two bad ones").isEqualTo(3_002);
            assertThat(r.getLong(2)).as("bad runs").isEqualTo(3);
            assertThat(r.getInt(3)).isEqualTo(2024);
        }
    }

    @Test
    void aMistypedSourceTableFailsBeforeTheJobNamingItsColumns() throws Exception {
        Configuration conf = postgres("mistyped-lake");
        try (var c = SreDatabase.fromConfig(conf).connect();
                var s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS runs_by_hand (run_id INT PRIMARY KEY, service TEXT, pipeline TEXT, "
                            + "commit_sha TEXT, started_at TIMESTAMP, status INT, environment TEXT)");
        }
        conf.set(SreOptions.TABLE_RUNS, "runs_by_hand");
        assertThatThrownBy(
                        () ->
                                new PipelineRunner(
                                                conf, new PrintStream(new ByteArrayOutputStream()))
                                        .run(SrePipeline.fromConfig(conf), PipelineMode.BATCH))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining(
                        "Table runs_by_hand does not have the columns the SRE pipeline reads")
                .hasMessageContaining("status is int4, read as STRING")
                .hasMessageContaining("finished_at is missing (TIMESTAMP(3))");
    }

    @Test
    void cdcStreamingOfTheSameRowsGivesTheSameGoldAsTheBatch() throws Exception {
        assertStreamingEqualsBatch("debezium", new SreDataset().debeziumEvents(), "debezium-json");
    }

    @Test
    void dmsChangesOfTheSameRowsGiveTheSameGoldToo() throws Exception {
        assertStreamingEqualsBatch("dms", new SreDataset().dmsEvents(), "dms-json");
    }

    private void assertStreamingEqualsBatch(
            String name, Map<String, List<String>> events, String format) throws Exception {
        Configuration batch = mariaDbBatch();

        Configuration streaming = conf(name + "-streaming-lake");
        for (Map.Entry<String, List<String>> table : events.entrySet()) {
            KAFKA.createTopic(name + ".sre." + table.getKey(), 2);
            KAFKA.sendLines(name + ".sre." + table.getKey(), table.getValue());
        }
        streaming.set(
                CdcOptions.TABLES_FILE,
                SreDataset.cdcTablesFile(
                                dir.resolve(name + "-tables.yaml"), t -> name + ".sre." + t, format)
                        .toString());
        streaming.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        streaming.set(TributaryOptions.STREAMING_BOUNDED, true);
        streaming.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        PipelineRunner runner =
                new PipelineRunner(streaming, new PrintStream(new ByteArrayOutputStream()));
        runner.run(CdcPipeline.fromConfig(streaming), PipelineMode.STREAMING);
        runner.run(SrePipeline.fromConfig(streaming), PipelineMode.STREAMING);

        Lake fromBatch = new Lake(batch);
        Lake fromStream = new Lake(streaming);
        for (String table :
                List.of(
                        "silver.sre_esteira_prod",
                        "silver.sre_log",
                        "silver.sre_chamados",
                        "silver.sre_rejects",
                        "gold.sre_sli_monthly",
                        "gold.sre_slo_report",
                        "gold.sre_top_contributors",
                        "gold.sre_recommendations")) {
            String all = "SELECT * FROM " + table;
            assertThat(sorted(fromStream.rowsRounded(all)))
                    .as(table)
                    .isNotEmpty()
                    .isEqualTo(sorted(fromBatch.rowsRounded(all)));
        }
        assertThat(fromStream.count("bronze.cdc_rejects") + fromStream.count("silver.cdc_rejects"))
                .as("every change event decoded")
                .isZero();
        assertHandWorkedAnswers(fromStream);
    }

    @Test
    void continuousStreamingKeepsGoldCurrentAsTheDatabaseChanges() throws Exception {
        Configuration conf = conf("live-lake");
        conf.set(
                CdcOptions.TABLES_FILE,
                SreDataset.cdcTablesFile(
                                dir.resolve("live-tables.yaml"),
                                t -> "live.sre." + t,
                                "debezium-json")
                        .toString());
        conf.set(TributaryOptions.KAFKA_BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        conf.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        conf.set(TributaryOptions.STREAMING_MONITOR_INTERVAL, Duration.ofMillis(300));
        SreDataset dataset = new SreDataset();
        for (Map.Entry<String, List<String>> table : dataset.debeziumEvents().entrySet()) {
            KAFKA.createTopic("live.sre." + table.getKey(), 1);
            KAFKA.sendLines("live.sre." + table.getKey(), table.getValue());
        }
        PipelineRunner runner =
                new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()));
        JobClient cdc = runner.start(CdcPipeline.fromConfig(conf));
        JobClient sre = runner.start(SrePipeline.fromConfig(conf));
        try {
            String january =
                    "SELECT incidents_closed, incidents_open, response_days FROM gold.sre_sli_monthly "
                            + "WHERE `month` = '2025-01' AND service = 'all'";
            Await.until(
                    "January's incidents are in gold",
                    Duration.ofMinutes(3),
                    () -> rowsOrNone(conf, january).equals(List.of("4,1,1.625")));
            assertThat(
                            rowsOrNone(
                                    conf,
                                    "SELECT met FROM gold.sre_slo_report WHERE `period` = '2025-01' "
                                            + "AND service = 'all' AND slo = 'incident-response'"))
                    .containsExactly("false");

            // INC0006 is closed after a day: January's mean response becomes (1 + 3 + 0.5 + 2 + 1)
            // / 5 = 1.5.
            KAFKA.sendLines(
                    "live.sre.chamados",
                    List.of(dataset.closeIncident("INC0006", "2025-01-21T00:00")));
            Await.until(
                    "the closure reaches gold",
                    Duration.ofMinutes(3),
                    () -> rowsOrNone(conf, january).equals(List.of("5,0,1.5")));
            Await.until(
                    "the SLO is met and its recommendation withdrawn",
                    Duration.ofMinutes(1),
                    () ->
                            rowsOrNone(
                                                    conf,
                                                    "SELECT met FROM gold.sre_slo_report WHERE `period` = '2025-01' "
                                                            + "AND service = 'all' AND slo = 'incident-response'")
                                            .equals(List.of("true"))
                                    && rowsOrNone(
                                                    conf,
                                                    "SELECT slo FROM gold.sre_recommendations WHERE `period` = '2025-01' "
                                                            + "AND service = 'all' AND slo = 'incident-response'")
                                            .isEmpty());
        } finally {
            sre.cancel().get();
            cdc.cancel().get();
        }
    }

    /** The rows, or none while the table does not exist yet. */
    private static List<String> rowsOrNone(Configuration conf, String sql) {
        try {
            return new Lake(conf).rows(sql);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().collect(java.util.stream.Collectors.toList());
    }

    private static void assertHandWorkedAnswers(Lake lake) throws Exception {
        assertThat(sli(lake, "2024-12", "web"))
                .containsEntry("deploys", 2L)
                .containsEntry("deploy_interval_hours", 2.0);
        assertThat(sli(lake, "2025-01", "web"))
                .as("the run started on New Year's Eve counts in January")
                .containsEntry("deploys", 2L)
                .containsEntry("deploy_interval_hours", 10.0)
                .containsEntry("deploy_interval_hours_median", 10.0)
                .containsEntry("failed_runs", 3L)
                .containsEntry("failures_per_deploy", 1.5)
                .containsEntry("change_failure_rate_pct", 60.0)
                .containsEntry("availability_pct", 100.0)
                .containsEntry("valid_requests", 10L);
        Map<String, Object> api = sli(lake, "2025-01", "api");
        assertThat(api)
                .containsEntry("deploys", 3L)
                .containsEntry("deploy_interval_hours", 3.0)
                .containsEntry("deploy_interval_hours_median", 3.0)
                .containsEntry("failed_runs", 2L)
                .containsEntry("cancelled_runs", 1L)
                .containsEntry("availability_pct", 80.0)
                .as("incidents have no service")
                .containsEntry("incidents_opened", 0L)
                .containsEntry("response_days", null);
        assertThat((Double) api.get("failures_per_deploy")).isCloseTo(2.0 / 3, within(1e-12));
        Map<String, Object> all = sli(lake, "2025-01", "all");
        assertThat(all)
                .containsEntry("deploys", 5L)
                .containsEntry("deploy_interval_hours_median", 7.0)
                .containsEntry("failed_runs", 5L)
                .containsEntry("failures_per_deploy", 1.0)
                .containsEntry("availability_pct", 90.0)
                .containsEntry("valid_requests", 20L)
                .containsEntry("good_requests", 18L)
                .containsEntry("incidents_opened", 5L)
                .containsEntry("incidents_closed", 4L)
                .containsEntry("incidents_open", 1L)
                .containsEntry("response_days", 1.625)
                .containsEntry("response_days_median", 1.5);
        assertThat((Double) all.get("deploy_interval_hours"))
                .isCloseTo((9 * 24 + 5 + 50 / 60.0) / 4, within(1e-9));
        assertThat((Double) all.get("response_days_p90")).isCloseTo(2.7, within(1e-9));
        assertThat(sli(lake, "2025-02", "all"))
                .as("a month without deploys")
                .containsEntry("deploys", 0L)
                .containsEntry("deploy_interval_hours", null)
                .containsEntry("failed_runs", 1L)
                .containsEntry("failures_per_deploy", null)
                .containsEntry("availability_pct", 100.0);
        assertThat(sli(lake, "2024-12", "all"))
                .as("opened in December, closed in January")
                .containsEntry("incidents_closed", 1L)
                .containsEntry("response_days", 2.0);

        assertThat(
                        lake.rows(
                                "SELECT `period`, service, slo, `value`, met FROM gold.sre_slo_report "
                                        + "WHERE ((`period` = '2025-01' AND service = 'web') OR (`period` = '2025-02' AND service = 'all') "
                                        + "OR (`period` = '2025-03' AND service = 'api')) "
                                        + "AND slo IN ('deploy-frequency', 'change-failures') ORDER BY `period`, service, slo"))
                .containsExactly(
                        "2025-01,web,change-failures,1.5,true",
                        "2025-01,web,deploy-frequency,10.0,false",
                        "2025-02,all,change-failures,null,false",
                        "2025-02,all,deploy-frequency,null,false",
                        "2025-03,api,change-failures,0.0,true",
                        "2025-03,api,deploy-frequency,3.0,true");
        List<String> availability =
                lake.rows(
                        "SELECT `value`, met, error_budget_remaining, burn_rate FROM gold.sre_slo_report "
                                + "WHERE `period` = '2025-01' AND service = 'all' AND slo = 'availability'");
        assertThat(availability).hasSize(1);
        String[] a = availability.get(0).split(",");
        assertThat(a[0]).isEqualTo("90.0");
        assertThat(a[1]).isEqualTo("false");
        assertThat(Double.parseDouble(a[2]))
                .as("6 %% allowed, 10 %% bad")
                .isCloseTo(1 - 10.0 / 6, within(1e-9));
        assertThat(Double.parseDouble(a[3])).isCloseTo(10.0 / 6, within(1e-9));
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*) FROM gold.sre_slo_report WHERE sli = 'response_days' AND service <> 'all'"))
                .containsExactly("0");
        assertThat(
                        lake.rows(
                                "SELECT `period`, `value`, met FROM gold.sre_slo_report WHERE service = 'all' "
                                        + "AND slo = 'incident-response' ORDER BY `period`"))
                .containsExactly(
                        "2024,2.0,false",
                        "2024-12,2.0,false",
                        "2025,1.625,false",
                        "2025-01,1.625,false");

        assertThat(
                        lake.rows(
                                "SELECT contributor_kind, `rank`, contributor, contributed, share_pct, detail "
                                        + "FROM gold.sre_top_contributors WHERE `period` = '2025-01' AND service = 'all' "
                                        + "AND slo IN ('availability', 'incident-response') ORDER BY slo, contributor_kind, `rank`"))
                .containsExactly(
                        "endpoint,1,api /pay,2,100.0,50.0",
                        "service,1,api,2,100.0,20.0",
                        "assignment_group,1,dba,2,100.0,2.5",
                        "category,1,database,2,100.0,2.5");
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*) FROM gold.sre_top_contributors WHERE service <> 'all' "
                                        + "AND contributor_kind = 'service'"))
                .as("a service is no contributor to itself")
                .containsExactly("0");
        assertThat(
                        lake.rows(
                                "SELECT contributor, contributed, detail FROM gold.sre_top_contributors "
                                        + "WHERE `period` = '2025-01' AND service = 'web' AND slo = 'deploy-frequency'"))
                .as("web's January: 3 failed runs of 5, 2 of 5 deployed")
                .containsExactly("web-deploy,3,40.0");
        assertThat(
                        lake.rows(
                                "SELECT recommendation FROM gold.sre_recommendations "
                                        + "WHERE `period` = '2025-01' AND service = 'all' AND slo = 'incident-response'"))
                .singleElement()
                .asString()
                .contains(
                        "Incidents in assignment group dba take 2.5 days on average, 100 % of late closures");
        assertThat(
                        lake.rows(
                                "SELECT recommendation FROM gold.sre_recommendations "
                                        + "WHERE `period` = '2025-02' AND service = 'all' AND slo = 'change-failures'"))
                .singleElement()
                .asString()
                .contains("none deployed");
        assertThat(
                        lake.rows(
                                "SELECT `period`, service, slo FROM gold.sre_recommendations ORDER BY 1, 2, 3"))
                .as("one recommendation per missed SLO")
                .isEqualTo(
                        lake.rows(
                                "SELECT `period`, service, slo FROM gold.sre_slo_report WHERE NOT met ORDER BY 1, 2, 3"));

        assertThat(
                        lake.rows(
                                "SELECT source_table, source_key, reason FROM silver.sre_rejects ORDER BY source_table, source_key"))
                .containsExactly(
                        "chamados,INC9001,opened_at is null",
                        "chamados,INC9002,closed before opened",
                        "esteira_prod,900,finished before started",
                        "esteira_prod,901,unknown status 'skipped' (expected success, failure or cancelled)",
                        "esteira_prod,902,started_at is null",
                        "log,9001,ts is null",
                        "log,9002,status_code outside 100-599");
    }

    private static Map<String, Object> sli(Lake lake, String month, String service)
            throws Exception {
        List<String> columns =
                List.of(
                        "deploys",
                        "deploy_interval_hours",
                        "deploy_interval_hours_median",
                        "failed_runs",
                        "cancelled_runs",
                        "failures_per_deploy",
                        "change_failure_rate_pct",
                        "availability_pct",
                        "valid_requests",
                        "good_requests",
                        "incidents_opened",
                        "incidents_closed",
                        "incidents_open",
                        "response_days",
                        "response_days_median",
                        "response_days_p90");
        List<String> rows =
                lake.rows(
                        "SELECT "
                                + String.join(", ", columns)
                                + " FROM gold.sre_sli_monthly WHERE `month` = '"
                                + month
                                + "' AND service = '"
                                + service
                                + "'");
        assertThat(rows).as(month + " " + service).hasSize(1);
        String[] values = rows.get(0).split(",");
        Map<String, Object> byColumn = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String v = values[i];
            byColumn.put(
                    columns.get(i),
                    v.equals("null")
                            ? null
                            : v.contains(".") || v.contains("E")
                                    ? (Object) Double.parseDouble(v)
                                    : (Object) Long.parseLong(v));
        }
        return byColumn;
    }
}
