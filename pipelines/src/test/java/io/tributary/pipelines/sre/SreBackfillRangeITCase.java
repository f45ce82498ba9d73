package io.tributary.pipelines.sre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.SreDataset;
import io.tributary.pipelines.testutils.SreLakes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill of a time range ({@code tributary.sre.backfill.from/until}) replaces exactly the rows
 * of that range: the database's changes inside it arrive, changes outside it do not, a row whose
 * time moved into the range is kept once, and a rerun changes nothing. And how the backfill reads
 * tables whose keys are numbers or text.
 */
class SreBackfillRangeITCase {
    private static final LocalDateTime FROM = LocalDateTime.parse("2025-01-01T00:00");
    private static final LocalDateTime UNTIL = LocalDateTime.parse("2025-02-01T00:00");

    /** Each silver table's key and time column, as the pipeline selects by. */
    private static final Map<String, List<String>> KEY_AND_TIME =
            Map.of(
                    "silver.sre_esteira_prod",
                    List.of("run_id", "started_at"),
                    "silver.sre_log",
                    List.of("id", "ts"),
                    "silver.sre_chamados",
                    List.of("`number`", "opened_at"));

    @TempDir static Path dir;

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Configuration conf(String lake) {
        return SreLakes.readingPostgres(SreLakes.lake(dir.resolve(lake)), postgres);
    }

    private static Configuration january(String lake) {
        Configuration conf = conf(lake);
        conf.set(SreOptions.BACKFILL_FROM, "2025-01-01");
        conf.set(SreOptions.BACKFILL_UNTIL, "2025-02-01T00:00");
        return conf;
    }

    private static void backfill(Configuration conf) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(SrePipeline.fromConfig(conf), PipelineMode.BATCH);
    }

    @Test
    void aBackfillOfJanuaryReplacesJanuarysRowsOnly() throws Exception {
        Configuration lakeConf = conf("lake");
        new SreDataset().writeTo(SreDatabase.fromConfig(lakeConf));
        backfill(lakeConf);
        Lake lake = new Lake(lakeConf);
        Map<String, List<String>> before = silver(lake);
        double februaryBefore = availability(lake, "2025-02");

        try (Connection c = SreDatabase.fromConfig(lakeConf).connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "UPDATE log SET status_code = 503 WHERE ts >= '2025-01-15 12:00' AND ts < '2025-02-01'");
            s.executeUpdate(
                    "INSERT INTO log (id, ts, service, endpoint, status_code, latency_ms) "
                            + "VALUES (500, '2025-01-31 23:59:59.999', 'web', '/', 200, 80)");
            s.executeUpdate("DELETE FROM chamados WHERE number = 'INC0004'");
            // Outside the range: must not arrive.
            s.executeUpdate(
                    "UPDATE log SET status_code = 500 WHERE ts >= '2025-02-01' AND ts < '2025-03-01'");
            // February's failed run was restarted in January: its key moves into the range.
            s.executeUpdate(
                    "UPDATE esteira_prod SET started_at = '2025-01-20 10:00', finished_at = '2025-01-20 10:10', "
                            + "status = 'success' WHERE run_id = 14");
        }
        backfill(january("lake"));
        Map<String, List<String>> after = silver(lake);

        Configuration nowConf = conf("now");
        backfill(nowConf);
        Map<String, List<String>> now = silver(new Lake(nowConf));
        for (String table : KEY_AND_TIME.keySet()) {
            List<String> januaryNow =
                    now.get(table).stream().filter(SreBackfillRangeITCase::inRange).toList();
            Set<String> keysNow =
                    januaryNow.stream()
                            .map(SreBackfillRangeITCase::key)
                            .collect(Collectors.toSet());
            List<String> expected = new ArrayList<>(januaryNow);
            before.get(table).stream()
                    .filter(r -> !inRange(r) && !keysNow.contains(key(r)))
                    .forEach(expected::add);
            assertThat(after.get(table))
                    .as(table + ": January as the database holds it now, the rest as before")
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(after.get("silver.sre_esteira_prod"))
                .as("the moved run once, at its new time")
                .filteredOn(r -> key(r).equals("14"))
                .singleElement()
                .asString()
                .contains("2025-01-20T10:00");
        assertThat(availability(lake, "2025-01"))
                .as("gold follows silver")
                .isEqualTo(availability(new Lake(nowConf), "2025-01"))
                .isLessThan(50.0);
        assertThat(availability(lake, "2025-02"))
                .as("February was not read")
                .isEqualTo(februaryBefore)
                .isNotEqualTo(availability(new Lake(nowConf), "2025-02"));
        assertThat(lake.count("bronze.sre_log"))
                .as("bronze: January's rows as read now, the rest as first read")
                .isEqualTo(lake.count("silver.sre_log"));

        backfill(january("lake"));
        assertThat(silver(lake)).as("a rerun of the range changes nothing").isEqualTo(after);
    }

    @Test
    void runIdsThatAreTextAreReadInOneScanAndGiveTheSameGold() throws Exception {
        Configuration numeric = conf("numeric-ids");
        new SreDataset().writeTo(SreDatabase.fromConfig(numeric));
        try (Connection c = SreDatabase.fromConfig(numeric).connect();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS runs_by_uuid");
            s.execute(
                    "CREATE TABLE runs_by_uuid AS SELECT CAST(md5(CAST(run_id AS TEXT)) AS UUID)::TEXT AS run_id, "
                            + "service, pipeline, commit_sha, started_at, finished_at, status, environment FROM esteira_prod");
            s.execute("ALTER TABLE runs_by_uuid ADD PRIMARY KEY (run_id)");
        }
        backfill(numeric);
        Configuration text = conf("text-ids");
        text.set(SreOptions.TABLE_RUNS, "runs_by_uuid");
        text.set(SreOptions.SCAN_PARTITIONS, 4);
        backfill(text);

        Lake byNumber = new Lake(numeric);
        Lake byUuid = new Lake(text);
        assertThat(byUuid.rows("SELECT run_id FROM silver.sre_esteira_prod"))
                .as("the source's UUIDs, every run")
                .hasSameSizeAs(byNumber.rows("SELECT run_id FROM silver.sre_esteira_prod"))
                .allSatisfy(
                        id ->
                                assertThat(id)
                                        .matches(
                                                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertThat(byNumber.rows("SELECT run_id FROM silver.sre_esteira_prod"))
                .as("numeric ids, read as numbers")
                .allSatisfy(id -> assertThat(id).matches("\\d+"));
        assertThat(byUuid.rows("SELECT * FROM gold.sre_slo_report ORDER BY `period`, service, slo"))
                .as("the SLOs do not depend on what run ids look like")
                .isEqualTo(
                        byNumber.rows(
                                "SELECT * FROM gold.sre_slo_report ORDER BY `period`, service, slo"));
    }

    @Test
    void aRangeThatIsEmptyOrNotADateFailsBeforeAnyJob() {
        Configuration backwards = conf("refused");
        backwards.set(SreOptions.BACKFILL_FROM, "2025-02-01");
        backwards.set(SreOptions.BACKFILL_UNTIL, "2025-01-01");
        assertThatThrownBy(() -> backfill(backwards))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("time range is empty");
        Configuration notADate = conf("refused");
        notADate.set(SreOptions.BACKFILL_FROM, "January");
        assertThatThrownBy(() -> backfill(notADate))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining(
                        "tributary.sre.backfill.from = 'January' is not a date or date-time");
    }

    /** Each silver table's rows, key and time first, sorted. */
    private static Map<String, List<String>> silver(Lake lake) throws Exception {
        Map<String, List<String>> rows = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> table : KEY_AND_TIME.entrySet()) {
            rows.put(
                    table.getKey(),
                    lake.rows(
                            "SELECT "
                                    + String.join(", ", table.getValue())
                                    + ", * FROM "
                                    + table.getKey()
                                    + " ORDER BY "
                                    + table.getValue().get(0)));
        }
        return rows;
    }

    private static String key(String row) {
        return row.split(",", 3)[0];
    }

    private static boolean inRange(String row) {
        String time = row.split(",", 3)[1];
        return !time.equals("null")
                && !LocalDateTime.parse(time).isBefore(FROM)
                && LocalDateTime.parse(time).isBefore(UNTIL);
    }

    private static double availability(Lake lake, String month) throws Exception {
        return Double.parseDouble(
                lake.rows(
                                "SELECT availability_pct FROM gold.sre_sli_monthly WHERE `month` = '"
                                        + month
                                        + "' AND service = 'all'")
                        .get(0));
    }
}
