package io.tributary.pipelines.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.metrics.command.LocalPrometheus;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Await;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.MetricsLakes;
import io.tributary.pipelines.testutils.NodeExporter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics stream against a real Prometheus scraping a real node-exporter (Debian's), with two
 * hours of a second host's history loaded by promtool: a bounded stream reads the default
 * node-exporter metrics of the last three hours, a backfill reads the same range, and the two lakes
 * hold the same samples, window statistics and metadata.
 */
class MetricsStreamingITCase {
    private static final String H1 = "{instance=\"h1:9100\",job=\"node\"}";

    @TempDir Path dir;

    @Test
    void aStreamAndABackfillOfTheSameSamplesWriteTheSameLake() throws Exception {
        long now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        long start = Math.floorDiv(now - Duration.ofHours(2).toMillis(), 5_000L) * 5_000L;
        long end = Math.floorDiv(now - Duration.ofMinutes(10).toMillis(), 5_000L) * 5_000L;
        StringBuilder om = new StringBuilder("# TYPE node_processes_pids gauge\n");
        for (long t = start, i = 0; t <= end; t += 5_000, i++) {
            om.append("node_processes_pids")
                    .append(H1)
                    .append(' ')
                    .append(300 + 20 * Math.sin(i / 60.0) + i % 3)
                    .append(' ')
                    .append(t / 1000)
                    .append('\n');
        }
        om.append("# EOF\n");
        try (NodeExporter exporter = NodeExporter.start(dir.resolve("exporter"));
                LocalPrometheus prometheus =
                        LocalPrometheus.start(
                                dir.resolve("prometheus"),
                                om.toString(),
                                List.of(exporter.address()),
                                Duration.ofSeconds(5))) {
            exporter.gauge("node_hwmon_temp_celsius", "{chip=\"cpu\",sensor=\"temp1\"}", 55.5);
            // A rate needs two scrapes of the counters, older than the stream's delay (10 s).
            Await.until(
                    "two scrapes of node-exporter, 15 s old",
                    Duration.ofMinutes(2),
                    () ->
                            instant(
                                            prometheus.url(),
                                            "count_over_time(node_cpu_seconds_total{mode=\"idle\"}[1m] offset 15s)"
                                                    + " >= 2")
                                    .contains("\"metric\""));

            Configuration streamed = conf(prometheus.url(), "stream");
            streamed.set(TributaryOptions.STREAMING_BOUNDED, true);
            streamed.set(MetricsOptions.STREAM_HISTORY, Duration.ofHours(3));
            new PipelineRunner(streamed, new PrintStream(OutputStream.nullOutputStream()))
                    .run(MetricsPipeline.fromConfig(streamed), PipelineMode.STREAMING);
            Lake stream = new Lake(streamed);

            Lake backfill =
                    MetricsLakes.backfillOfTheSameRange(stream, conf(prometheus.url(), "backfill"));

            assertThat(
                            stream.rows(
                                    "SELECT metric, COUNT(DISTINCT series) FROM"
                                            + " silver.metrics_samples GROUP BY metric"))
                    .as("every default metric has a series: node-exporter's, and the history's")
                    .containsExactlyInAnyOrder(
                            "memoryAvailable,1",
                            "cpuUsage,1",
                            "cpuTemperature,1",
                            "processes,2",
                            "networkThroughput,1");
            assertThat(
                            stream.rows(
                                    "SELECT DISTINCT `value` FROM silver.metrics_samples"
                                            + " WHERE metric = 'cpuTemperature'"))
                    .containsExactly("55.5");
            String history =
                    "FROM silver.metrics_samples WHERE metric = 'processes' AND series = '"
                            + H1
                            + "' AND ts ";
            // A pattern, not toString(): that leaves out zero seconds, which SQL does not accept.
            String last =
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                            .format(
                                    LocalDateTime.ofInstant(
                                            Instant.ofEpochMilli(end), ZoneOffset.UTC));
            assertThat(stream.rows("SELECT COUNT(*) " + history + "<= TIMESTAMP '" + last + "'"))
                    .as("the history, every 5 s")
                    .containsExactly(String.valueOf((end - start) / 5_000 + 1));
            // Points are the query's values on the step grid: Prometheus's lookback repeats a
            // stopped series' last value for up to 5 minutes.
            assertThat(
                            stream.rows(
                                    "SELECT DISTINCT `value` "
                                            + history
                                            + ">= TIMESTAMP '"
                                            + last
                                            + "'"))
                    .hasSize(1);
            assertThat(stream.rows("SELECT * FROM gold.metrics_window_stats")).isNotEmpty();
            assertThat(stream.rows("SELECT * FROM gold.metrics_metadata")).hasSize(6);
            MetricsLakes.assertSame(stream, backfill);
        }
    }

    private Configuration conf(String url, String lake) {
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve(lake).toString());
        conf.set(MetricsOptions.PROMETHEUS_URL, url);
        conf.set(MetricsOptions.RESOLUTION, Duration.ofSeconds(5));
        conf.set(MetricsOptions.STREAM_DELAY, Duration.ofSeconds(10));
        conf.set(MetricsOptions.STREAM_POLL_INTERVAL, Duration.ofSeconds(1));
        conf.set(TributaryOptions.STREAMING_CHECKPOINT_INTERVAL, Duration.ofMillis(500));
        return conf;
    }

    private static String instant(String url, String promql) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                url
                                                        + "/api/v1/query?query="
                                                        + URLEncoder.encode(
                                                                promql, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
