package io.tributary.pipelines.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaRange;
import io.tributary.pipelines.metrics.sla.SlaStore;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.MetricSamples;
import io.tributary.pipelines.testutils.NamedQueries;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics backfill from landing files: saved query_range answers of two hosts, split over two
 * overlapping files, with an outage, a NaN, a broken file, an error answer and a file outside any
 * metric folder, and statsmodels' trend + season golden series gzipped. Window statistics are
 * checked against a plain computation of the definitions (the arithmetic itself against promtool in
 * {@code PromqlWindowStatisticsITCase}), the metadata against statsmodels' own numbers.
 */
class MetricsBatchITCase {
    private static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final String H1 = "{instance=\"h1:9100\",job=\"node\"}";
    private static final String H2 = "{instance=\"h2:9100\",job=\"node\"}";

    @TempDir Path dir;

    @Test
    void landingAnswersBecomeSilverRejectsWindowStatisticsAndMetadata() throws Exception {
        Path landing = dir.resolve("landing/metrics");
        MetricSamples h1 = new MetricSamples();
        MetricSamples h2 = new MetricSamples();
        for (long s = 0; s <= 3 * 3600; s += 15) {
            boolean outage = s >= 40 * 60 && s < 110 * 60;
            if (!outage) {
                h1.add(T0 + s * 1000, 50 + 20 * Math.sin(s / 900.0) + (s % 7));
            }
            if (s % 60 == 0 && s >= 3600) {
                h2.add(T0 + s * 1000, 10 + (s / 60) % 5);
            }
        }
        // Two files overlapping by 15 minutes: the overlap is read twice and counted once.
        long split = T0 + 2 * 3600_000L;
        write(
                landing.resolve("cpuUsage/part-1.json"),
                MetricSamples.queryRange(
                        Map.of(H1, h1.until(split), H2, h2.until(split)),
                        Map.of(H1, List.of(T0 + 45 * 60_000L))));
        write(
                landing.resolve("cpuUsage/part-2.json"),
                MetricSamples.queryRange(
                        Map.of(H1, h1.from(split - 900_000L), H2, h2.from(split - 900_000L)),
                        Map.of()));
        JsonNode golden = goldenSeries("trend_season");
        MetricSamples season = new MetricSamples();
        for (int i = 0; i < golden.get("values").size(); i++) {
            season.add(
                    T0 + golden.get("timestamps").get(i).asLong() * 1000,
                    golden.get("values").get(i).asDouble());
        }
        writeGzip(
                landing.resolve("processes/day.json.gz"),
                MetricSamples.queryRange(Map.of(H1, season), Map.of()));
        write(landing.resolve("memoryAvailable/broken.json"), "{\"status\": \"succ");
        write(
                landing.resolve("memoryAvailable/refused.json"),
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error\"}");
        write(landing.resolve("stray.json"), MetricSamples.queryRange(Map.of(H1, h2), Map.of()));

        Configuration conf = Landing.under(dir);
        Sla busy =
                new SlaStore(conf)
                        .create("busy hosts", Map.of("cpuUsage", new SlaRange(null, 60.0)));
        new PipelineRunner(conf, new PrintStream(OutputStream.nullOutputStream()))
                .run(MetricsPipeline.fromConfig(conf), PipelineMode.BATCH);

        Lake lake = new Lake(conf);
        long overlap = h1.from(split - 900_000L).until(split).size();
        long overlapH2 = h2.from(split - 900_000L).until(split).size();
        assertThat(lake.count("silver.metrics_samples"))
                .isEqualTo(h1.size() + overlap + h2.size() + overlapH2 + season.size());
        assertThat(lake.count("bronze.metrics_samples_raw"))
                .as("every pair and unreadable answer, as read")
                .isEqualTo(h1.size() + overlap + h2.size() + overlapH2 + season.size() + 1 + 3);
        assertThat(lake.rows("SELECT reason FROM silver.metrics_rejects ORDER BY reason"))
                .satisfiesExactly(
                        r ->
                                assertThat(r)
                                        .isEqualTo(
                                                "Prometheus answered bad_data: 1:5: parse error"),
                        r ->
                                assertThat(r)
                                        .isEqualTo(
                                                "a landing file belongs in a folder named after its"
                                                        + " metric: <landing>/metrics/<metric>/<file>.json"),
                        r -> assertThat(r).startsWith("not JSON: Unexpected end-of-input"),
                        r -> assertThat(r).isEqualTo("value 'NaN' is not a finite number"));

        assertThat(
                        lake.rowsRounded(
                                "SELECT metric, series, window_name, window_end, samples,"
                                        + " max_value, min_value, avg_value, stddev_value,"
                                        + " p50_value, p95_value FROM gold.metrics_window_stats"
                                        + " WHERE metric = 'cpuUsage'"))
                .containsExactlyInAnyOrderElementsOf(
                        MetricSamples.concat(
                                h1.windowStatsRows("cpuUsage", H1, 300_000L),
                                h2.windowStatsRows("cpuUsage", H2, 300_000L)));

        List<String> expectedSla =
                MetricSamples.concat(
                        h1.slaRows(busy.id(), "cpuUsage", H1, 300_000L, null, 60.0),
                        h2.slaRows(busy.id(), "cpuUsage", H2, 300_000L, null, 60.0));
        assertThat(expectedSla)
                .as("the outage leaves 1 h windows without samples")
                .anyMatch(r -> r.endsWith("| no data"))
                .anyMatch(r -> r.endsWith("| violated"))
                .anyMatch(r -> r.endsWith("| ok"));
        assertThat(lake.rowsRounded("SELECT * FROM gold.sla_violations"))
                .containsExactlyInAnyOrderElementsOf(expectedSla);

        NamedQueries.assertEachPlans(MetricsPipeline.class, lake);

        // The golden series is exactly one 12 h window: its metadata is statsmodels'.
        List<String> metadata =
                lake.rows(
                        "SELECT samples, stationary, seasonal_period, note FROM"
                                + " gold.metrics_metadata WHERE metric = 'processes'");
        assertThat(metadata)
                .containsExactly(
                        golden.get("samples").asInt()
                                + ","
                                + golden.get("adf").get("stationary").asBoolean()
                                + ","
                                + golden.get("seasonal_period").asInt()
                                + ",null");
        List<String> numbers =
                lake.rows(
                        "SELECT adf_statistic, adf_pvalue, seasonal_strength, trend_strength"
                                + " FROM gold.metrics_metadata WHERE metric = 'processes'");
        String[] got = numbers.get(0).split(",");
        assertThat(Double.parseDouble(got[0]))
                .isCloseTo(golden.get("adf").get("statistic").asDouble(), within(1e-6));
        assertThat(Double.parseDouble(got[1]))
                .isCloseTo(golden.get("adf").get("pvalue").asDouble(), within(1e-6));
        assertThat(Double.parseDouble(got[2]))
                .isCloseTo(golden.get("seasonal_strength").asDouble(), within(1e-6));
        assertThat(Double.parseDouble(got[3]))
                .isCloseTo(golden.get("trend_strength").asDouble(), within(1e-6));
        // Its forecast: statsmodels' choice, and its forecasts of the next two 5-minute steps.
        JsonNode ets = etsReference("trend_season");
        JsonNode chosen = ets.get("models").get(ets.get("chosen").asText());
        List<String> forecast =
                lake.rows(
                        "SELECT `method`, horizon_end, predicted_avg, predicted_min, predicted_max"
                                + " FROM gold.metrics_forecast WHERE metric = 'processes'");
        String[] f = forecast.get(0).split(",");
        assertThat(f[0]).isEqualTo(ets.get("chosen").asText());
        assertThat(f[1]).isEqualTo("2026-03-01T12:05");
        double first = chosen.get("forecast").get(0).asDouble();
        double second = chosen.get("forecast").get(1).asDouble();
        assertThat(Double.parseDouble(f[2])).isCloseTo((first + second) / 2, within(1e-3));
        assertThat(Double.parseDouble(f[3])).isCloseTo(Math.min(first, second), within(1e-3));
        assertThat(Double.parseDouble(f[4])).isCloseTo(Math.max(first, second), within(1e-3));
        assertThat(
                        lake.rows(
                                "SELECT metric, COUNT(*) FROM gold.metrics_forecast_accuracy"
                                        + " WHERE mase > 0 GROUP BY metric ORDER BY metric"))
                .containsExactly("cpuUsage,2", "processes,1");
        assertThat(
                        lake.rows(
                                "SELECT series, predicted_violations >= 0, breach_probability"
                                        + " BETWEEN 0 AND 1 FROM gold.sla_predictions ORDER BY series"))
                .containsExactly(H1 + ",true,true", H2 + ",true,true");

        assertThat(
                        lake.rows(
                                "SELECT series, window_end, samples FROM gold.metrics_metadata"
                                        + " WHERE metric = 'cpuUsage' ORDER BY series"))
                .as("each series' latest 12 h, ending at the step end of its last sample")
                .containsExactly(
                        H1 + ",2026-03-01T03:00," + h1.size(),
                        H2 + ",2026-03-01T03:00," + h2.size());
    }

    static JsonNode etsReference(String name) throws Exception {
        return reference("statsmodels-ets-reference.json", name);
    }

    static JsonNode goldenSeries(String name) throws Exception {
        return reference("statsmodels-reference.json", name);
    }

    /** The series of that name in a statsmodels reference file beside this class. */
    private static JsonNode reference(String file, String name) throws Exception {
        JsonNode root =
                new ObjectMapper().readTree(MetricsBatchITCase.class.getResourceAsStream(file));
        for (JsonNode s : root.get("series")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name + " is not in " + file);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void writeGzip(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
    }
}
