package io.tributary.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.command.CdcDemo;
import io.tributary.pipelines.cdc.command.OrderChangeScript;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.OrderChanges;
import io.tributary.pipelines.testutils.TributaryProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary demo} as a user runs it, in a process of its own: the backfill, then the
 * embedded broker streaming log lines and order changes through both streaming jobs.
 */
class DemoITCase {
    @TempDir Path dir;

    /**
     * The landing folder's parent, where the demo also writes its reports: inside the checkout, so
     * that the landing root can be given relative to the CLI's working directory (the checkout), as
     * {@code conf/local.yaml} gives it. The metrics step once named every metric wrongly then.
     */
    private Path data;

    @BeforeEach
    void dataInsideTheCheckout() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        data = Files.createTempDirectory(target, "demo-data");
    }

    @AfterEach
    void removeData() throws IOException {
        FileUtils.deleteDirectory(data.toFile());
    }

    /**
     * The whole demo, as a user runs it, took 180-225 s on 2-core CI machines: closer to the
     * 5-minute hang guard of the other tests than a slower machine allows.
     */
    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theDemoBackfillsThenStreamsIntoTheSameTables() throws Exception {
        String lake = dir.resolve("lake").toString();
        Path home = Path.of(System.getProperty("tributary.home")).toAbsolutePath().normalize();
        Path landing = home.relativize(data.resolve("landing"));
        assertThat(landing.isAbsolute()).isFalse();
        String output =
                TributaryProcess.fromBuild()
                        .run(
                                "demo",
                                "--lines",
                                "3000",
                                "--stream-lines",
                                "2000",
                                "--order-changes",
                                "200",
                                "--sre-requests",
                                "20000",
                                "--retail-events",
                                "4000",
                                "-D",
                                TributaryOptions.LAKE_ROOT.key() + "=" + lake,
                                "-D",
                                TributaryOptions.LANDING_ROOT.key() + "=" + landing);

        assertThat(output)
                .contains(
                        "== 4. SRE",
                        "SLOs of 2025, all services",
                        "== 5. Retail",
                        "Recommendation quality",
                        "== 6. Metrics",
                        "The SLA check",
                        "== 7. Streaming web logs",
                        "== 8. Change data capture",
                        "How the tables grew",
                        "== 9. The lake")
                .doesNotContain("did not catch up");
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, lake);
        Lake tables = new Lake(conf);
        assertThat(
                        tables.rows(
                                "SELECT origin, COUNT(*) FROM bronze.weblogs_raw GROUP BY origin ORDER BY origin"))
                .containsExactly("landing,3000", "stream,2000");
        assertThat(tables.rows("SELECT total_requests + rejected_lines FROM gold.weblogs_summary"))
                .as("gold counts every line, backfilled or streamed")
                .containsExactly("5000");
        List<OrderChangeScript.Change> script =
                OrderChangeScript.script(CdcDemo.SEED, CdcDemo.KEYS, 200);
        assertThat(
                        tables.rows("SELECT * FROM silver.shop_orders").stream()
                                .sorted()
                                .collect(Collectors.toList()))
                .isEqualTo(OrderChanges.currentRows(script));

        assertThat(
                        tables.rows(
                                "SELECT slo FROM gold.sre_slo_report WHERE `period` = '2025' AND service = 'all' ORDER BY slo"))
                .containsExactly(
                        "availability", "change-failures", "deploy-frequency", "incident-response");
        assertThat(
                        tables.rows(
                                "SELECT source_table, COUNT(*) FROM silver.sre_rejects GROUP BY source_table ORDER BY 1"))
                .as("the generator's bad rows")
                .containsExactly("chamados,2", "esteira_prod,3", "log,2");
        String report = Files.readString(data.resolve("sre-report.html"));
        assertThat(report).contains("<h1>SRE report 2025</h1>", "<svg", "Rejected rows: 7");
        assertThat(report.split("<svg", -1)).as("a chart per SLO").hasSize(5);
        assertThat(
                        tables.rows(
                                "SELECT algorithm FROM gold.retail_recommendation_quality ORDER BY 1"))
                .containsExactly("cosine", "popular", "swing");
        assertThat(tables.rows("SELECT DISTINCT metric FROM silver.metrics_samples ORDER BY 1"))
                .as("each sample named by its landing folder")
                .containsExactly(
                        "cpuTemperature",
                        "cpuUsage",
                        "memoryAvailable",
                        "networkThroughput",
                        "processes");
        assertThat(tables.rows("SELECT DISTINCT metric FROM gold.sla_violations ORDER BY 1"))
                .as("the demo SLA's three metrics, checked")
                .containsExactly("cpuTemperature", "cpuUsage", "memoryAvailable");
        assertThat(Files.readString(data.resolve("retail-report.html")))
                .contains("<h1>Retail report</h1>", "<svg");
    }
}
