package io.tributary.pipelines.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.pipelines.metrics.command.LocalPrometheus;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.MetricSamples;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics backfill from a real Prometheus (Debian's 2.42) holding two days of history loaded
 * with promtool: the default node-exporter queries, range queries in two chunks (a day at 15 s is
 * 5,760 points, two days pass the API's 11,000), a rerun of part of the range that replaces just
 * that part, and a metric whose PromQL Prometheus refuses.
 */
class PrometheusBackfillITCase {
    private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long END = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();
    private static final String H1 = "{instance=\"h1:9100\",job=\"node\"}";
    private static final String H2 = "{instance=\"h2:9100\",job=\"node\"}";

    @TempDir static Path serverDir;
    private static LocalPrometheus prometheus;
    private static final MetricSamples PIDS_H1 = new MetricSamples();
    private static final MetricSamples PIDS_H2 = new MetricSamples();

    @TempDir Path dir;

    @BeforeAll
    static void startPrometheus() throws Exception {
        StringBuilder om = new StringBuilder();
        om.append("# TYPE node_processes_pids gauge\n");
        for (long t = START, i = 0; t < END; t += 15_000, i++) {
            PIDS_H1.add(t, 200 + (i * 7) % 13);
            PIDS_H2.add(t, 90 + (i * 5) % 11);
            om.append("node_processes_pids")
                    .append(H1)
                    .append(' ')
                    .append(200 + (i * 7) % 13)
                    .append(' ')
                    .append(t / 1000)
                    .append('\n');
            om.append("node_processes_pids")
                    .append(H2)
                    .append(' ')
                    .append(90 + (i * 5) % 11)
                    .append(' ')
                    .append(t / 1000)
                    .append('\n');
        }
        // One CPU idle 0.6 s of every 15 s: 96 % busy throughout.
        om.append("# TYPE node_cpu_seconds counter\n");
        for (long t = START, i = 0; t < END; t += 15_000, i++) {
            om.append(
                            "node_cpu_seconds_total{cpu=\"0\",instance=\"h1:9100\",job=\"node\",mode=\"idle\"} ")
                    .append(i * 0.6)
                    .append(' ')
                    .append(t / 1000)
                    .append('\n');
        }
        om.append("# EOF\n");
        prometheus =
                LocalPrometheus.start(serverDir, om.toString(), List.of(), Duration.ofSeconds(15));
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void backfillReadsEverySampleOnceAndARerunReplacesOnlyItsRange() throws Exception {
        Configuration conf = conf("2026-03-01", "2026-03-03");
        run(conf);

        Lake lake = new Lake(conf);
        assertThat(
                        lake.rows(
                                "SELECT series, COUNT(*), COUNT(DISTINCT ts), MIN(ts), MAX(ts)"
                                        + " FROM silver.metrics_samples WHERE metric = 'processes'"
                                        + " GROUP BY series ORDER BY series"))
                .as("every sample of both chunks, none twice")
                .containsExactly(
                        H1 + ",11520,11520,2026-03-01T00:00,2026-03-02T23:59:45",
                        H2 + ",11520,11520,2026-03-01T00:00,2026-03-02T23:59:45");
        assertThat(
                        lake.rows(
                                "SELECT COUNT(DISTINCT source) FROM silver.metrics_samples"
                                        + " WHERE metric = 'processes'"))
                .as("two range queries per series set")
                .containsExactly("2");
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*), MIN(ROUND(`value`, 6)), MAX(ROUND(`value`, 6))"
                                        + " FROM silver.metrics_samples WHERE metric = 'cpuUsage'"
                                        + " AND ts >= TIMESTAMP '2026-03-01 00:01:00'"))
                .as("the default CPU query on the idle counter, once rate has a full minute")
                .containsExactly(11520 - 4 + ",96.0,96.0");
        assertThat(lake.count("silver.metrics_rejects")).isZero();
        assertThat(
                        lake.rowsRounded(
                                "SELECT metric, series, window_name, window_end, samples,"
                                        + " max_value, min_value, avg_value, stddev_value,"
                                        + " p50_value, p95_value FROM gold.metrics_window_stats"
                                        + " WHERE metric = 'processes'"))
                .containsExactlyInAnyOrderElementsOf(
                        MetricSamples.concat(
                                PIDS_H1.windowStatsRows("processes", H1, 300_000L),
                                PIDS_H2.windowStatsRows("processes", H2, 300_000L)));

        // Six hours again: replaced, not doubled; the rest stays.
        Configuration again = conf("2026-03-02T06:00", "2026-03-02T12:00");
        run(again);
        assertThat(
                        lake.rows(
                                "SELECT COUNT(*), COUNT(DISTINCT series || CAST(ts AS STRING)),"
                                        + " COUNT(DISTINCT source) FROM silver.metrics_samples"
                                        + " WHERE metric = 'processes'"))
                .containsExactly("23040,23040,3");
    }

    @Test
    void aQueryPrometheusRefusesStopsTheBackfillBeforeItStartsNamingTheMetric() throws Exception {
        Path metrics = dir.resolve("metrics.yaml");
        Files.writeString(
                metrics,
                "metrics:\n  processes: node_processes_pids\n  broken: rate(node_cpu_seconds_total[1m]\n");
        Configuration conf = conf("2026-03-01", "2026-03-02");
        conf.set(MetricsOptions.FILE, metrics.toString());
        assertThatThrownBy(() -> run(conf))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("metric 'broken'")
                .hasMessageContaining("bad_data");
        assertThat(dir.resolve("lake")).doesNotExist();
    }

    private Configuration conf(String from, String until) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        conf.set(MetricsOptions.SOURCE, MetricsSource.PROMETHEUS);
        conf.set(MetricsOptions.PROMETHEUS_URL, prometheus.url());
        conf.set(MetricsOptions.BACKFILL_FROM, from);
        conf.set(MetricsOptions.BACKFILL_UNTIL, until);
        return conf;
    }

    private static void run(Configuration conf) throws Exception {
        new PipelineRunner(conf, new PrintStream(OutputStream.nullOutputStream()))
                .run(MetricsPipeline.fromConfig(conf), PipelineMode.BATCH);
    }
}
