package io.tributary.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.pipelines.metrics.MetricsPipeline;
import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaRange;
import io.tributary.pipelines.metrics.sla.SlaStore;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.MetricSamples;
import io.tributary.serve.testutils.OpenApiContract;
import io.tributary.serve.testutils.ServiceClient;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over HTTP on a lake the metrics backfill wrote: every route, checked against the
 * OpenAPI document (and every documented route called), answers equal to the gold tables, SLA
 * violations hand-checked on a constructed series, revisions and conflicts, bad bodies, unknown ids
 * and concurrent creation.
 */
class ServeITCase {
    private static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long END = T0 + 4 * HOUR;
    private static final String H1 = "{instance=\"h1:9100\",job=\"node\"}";
    private static final String H2 = "{instance=\"h2:9100\",job=\"node\"}";

    @TempDir static Path dir;
    static Configuration conf;
    static Sla known;
    static MetricsService service;
    static OpenApiContract contract;
    static ServiceClient client;
    static ServiceClient offContract;

    @BeforeAll
    static void backfillAndServe() throws Exception {
        Path landing = dir.resolve("landing/metrics");
        MetricSamples cpu1 = new MetricSamples();
        MetricSamples cpu2 = new MetricSamples();
        MetricSamples memory = new MetricSamples();
        for (long t = T0 + 15_000; t <= END; t += 15_000) {
            long s = (t - T0) / 1000;
            cpu1.add(
                    t,
                    busy(t)
                            ? (t >= T0 + 3 * HOUR + 50 * 60_000 ? 97 : 95)
                            : 40 + 10 * Math.sin(s / 600.0) + s % 7);
            cpu2.add(t, 20 + (s / 60) % 5);
            memory.add(t, 8e9 - 2e5 * s + 1e8 * Math.sin(s / 900.0) + (s % 11) * 1e6);
        }
        write(
                landing.resolve("cpuUsage/a.json"),
                MetricSamples.queryRange(Map.of(H1, cpu1, H2, cpu2), Map.of()));
        write(
                landing.resolve("memoryAvailable/a.json"),
                MetricSamples.queryRange(Map.of(H1, memory), Map.of()));

        conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
        conf.set(ServeOptions.PORT, 0);
        conf.set(ServeOptions.BIND_ADDRESS, "127.0.0.1");
        // Only the test's own refreshes: what the service has read is then known at every step.
        conf.set(ServeOptions.REFRESH_INTERVAL, java.time.Duration.ofDays(1));
        known =
                new SlaStore(conf)
                        .create("busy hosts", Map.of("cpuUsage", new SlaRange(null, 80.0)));
        new PipelineRunner(conf, new PrintStream(OutputStream.nullOutputStream()))
                .run(MetricsPipeline.fromConfig(conf), PipelineMode.BATCH);

        service = MetricsService.start(conf);
        contract =
                new OpenApiContract(
                        ServeITCase.class.getResourceAsStream("/io/tributary/serve/openapi.yaml"));
        client = new ServiceClient(service.port(), contract);
        offContract = new ServiceClient(service.port(), null);
    }

    /**
     * cpuUsage on h1 leaves the range (above 80) in three runs: 4 samples at 0:30 (only in the 12 h
     * window), 12 at 3:30–3:33 and 4 at 3:50.
     */
    private static boolean busy(long t) {
        return (t >= T0 + 30 * 60_000 && t < T0 + 31 * 60_000)
                || (t >= T0 + 3 * HOUR + 30 * 60_000 && t < T0 + 3 * HOUR + 33 * 60_000)
                || (t >= T0 + 3 * HOUR + 50 * 60_000 && t < T0 + 3 * HOUR + 51 * 60_000);
    }

    @AfterAll
    static void everyDocumentedRouteWasCalled() {
        service.close();
        assertThat(contract.uncovered()).as("routes of /openapi.yaml no test called").isEmpty();
    }

    @Test
    void violationsOfAConstructedSeriesAreTheHandCheckedOnes() throws Exception {
        JsonNode oneHour = client.get("/slas/" + known.id() + "/violations?window=1h").json();
        assertThat(oneHour.get("window_end").asText())
                .isEqualTo(Instant.ofEpochMilli(END).toString());
        JsonNode h1 = series(oneHour, H1);
        assertThat(h1.get("samples").asInt()).isEqualTo(240);
        assertThat(h1.get("violations").asInt()).isEqualTo(16);
        assertThat(h1.get("violating_minutes").asInt()).isEqualTo(4);
        assertThat(h1.get("longest_episode_seconds").asLong()).isEqualTo(165);
        assertThat(h1.get("status").asText()).isEqualTo("violated");
        assertThat(h1.get("episodes")).hasSize(2);
        assertThat(h1.get("episodes").get(0).get("start").asText())
                .isEqualTo(Instant.ofEpochMilli(T0 + 3 * HOUR + 30 * 60_000).toString());
        assertThat(h1.get("episodes").get(1).get("worst").asDouble()).isEqualTo(97);
        assertThat(series(oneHour, H2).get("status").asText()).isEqualTo("ok");

        JsonNode twelve = client.get("/slas/" + known.id() + "/violations").json();
        assertThat(twelve.get("window").asText()).isEqualTo("12h");
        assertThat(series(twelve, H1).get("violations").asInt()).isEqualTo(20);
        assertThat(series(twelve, H1).get("episodes")).hasSize(3);
    }

    @Test
    void slaAnswersEqualTheGoldTablesOfTheSameEnd() throws Exception {
        Lake lake = new Lake(conf);
        List<String> gold =
                lake.rows(
                        "SELECT window_name, series, samples, violations, violating_minutes, episodes,"
                                + " longest_episode_seconds, status FROM gold.sla_violations"
                                + " WHERE sla_id = '"
                                + known.id()
                                + "' AND window_end = TIMESTAMP '2026-03-01 04:00:00'");
        List<String> served = new ArrayList<>();
        for (String window : List.of("1h", "3h", "12h")) {
            for (JsonNode m :
                    client.get("/slas/" + known.id() + "/violations?window=" + window)
                            .json()
                            .get("metrics")) {
                served.add(
                        String.join(
                                ",",
                                window,
                                m.get("series").asText(),
                                m.get("samples").asText(),
                                m.get("violations").asText(),
                                m.get("violating_minutes").asText(),
                                Integer.toString(m.get("episodes").size()),
                                m.get("longest_episode_seconds").isNull()
                                        ? "null"
                                        : m.get("longest_episode_seconds").asText(),
                                m.get("status").asText()));
            }
        }
        assertThat(served).hasSize(6).containsExactlyInAnyOrderElementsOf(gold);

        List<String> predicted =
                lake.rowsRounded(
                        "SELECT series, predicted_violations, breach_probability FROM gold.sla_predictions"
                                + " WHERE sla_id = '"
                                + known.id()
                                + "'");
        List<String> answered = new ArrayList<>();
        for (JsonNode m :
                client.get("/slas/" + known.id() + "/predictions").json().get("metrics")) {
            answered.add(
                    String.join(
                            " | ",
                            m.get("series").asText(),
                            m.get("predicted_violations").asText(),
                            Lake.format(m.get("breach_probability").asDouble())));
        }
        assertThat(answered).hasSize(2).containsExactlyInAnyOrderElementsOf(predicted);
    }

    @Test
    void dataRoutesAnswerTheLatestGoldRowsFiltered() throws Exception {
        Lake lake = new Lake(conf);
        JsonNode stats = client.get("/metrics?metric=cpuUsage&window=1h").json();
        assertThat(stats.get("table").asText()).isEqualTo("gold.metrics_window_stats");
        List<String> served = new ArrayList<>();
        for (JsonNode r : stats.get("rows")) {
            served.add(
                    r.get("series").asText()
                            + " | "
                            + r.get("samples").asText()
                            + " | "
                            + Lake.format(r.get("max_value").asDouble())
                            + " | "
                            + Lake.format(r.get("avg_value").asDouble())
                            + " | "
                            + Lake.format(r.get("p95_value").asDouble()));
        }
        assertThat(served)
                .hasSize(2)
                .containsExactlyInAnyOrderElementsOf(
                        lake.rowsRounded(
                                "SELECT series, samples, max_value, avg_value, p95_value FROM gold.metrics_window_stats"
                                        + " WHERE metric = 'cpuUsage' AND window_name = '1h'"
                                        + " AND window_end = TIMESTAMP '2026-03-01 04:00:00'"));
        assertThat(client.get("/metrics").json().get("rows")).hasSize(3 * 3);

        JsonNode metadata = client.get("/metadata?metric=memoryAvailable").json().get("rows");
        assertThat(metadata).hasSize(1);
        assertThat(metadata.get(0).get("samples").asLong()).isEqualTo(960);
        assertThat(metadata.get(0).get("acf").size()).isGreaterThan(0);

        JsonNode forecasts = client.get("/predict?series=" + encode(H1)).json().get("rows");
        assertThat(forecasts).hasSize(2);
        for (JsonNode f : forecasts) {
            assertThat(f.get("horizon_end").asText())
                    .isEqualTo(Instant.ofEpochMilli(END + 600_000).toString());
            assertThat(f.get("avg_lower_95").asDouble())
                    .isLessThanOrEqualTo(f.get("predicted_avg").asDouble());
            assertThat(f.get("accuracy").get("mae").asDouble()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aNewSlaAnswersAtOnceAndFollowsItsRevisions() throws Exception {
        ServiceClient.Answer created =
                client.send(
                        "POST",
                        "/slas",
                        "{\"name\": \"memory floor\", \"metrics\": {\"memoryAvailable\": {\"min\": 7.5e9, \"max\": null}, \"cpuTemperature\": {\"max\": 90}}}");
        assertThat(created.status).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("revision").asInt()).isEqualTo(1);
        assertThat(created.header("Location")).isEqualTo("/slas/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        JsonNode now = client.get("/slas/" + id + "/violations?window=3h").json();
        JsonNode memory = series(now, H1);
        long below = countBelow(7.5e9, END - 3 * HOUR);
        assertThat(memory.get("violations").asLong()).isEqualTo(below).isPositive();
        JsonNode temperature = metric(now, "cpuTemperature");
        assertThat(temperature.get("status").asText())
                .as("a metric without data")
                .isEqualTo("no data");
        assertThat(temperature.get("series").isNull()).isTrue();
        assertThat(
                        metric(client.get("/slas/" + id + "/predictions").json(), "cpuTemperature")
                                .get("status")
                                .asText())
                .isEqualTo("no data");

        ServiceClient.Answer replaced =
                client.send(
                        "PUT",
                        "/slas/" + id,
                        "{\"name\": \"memory floor\", \"metrics\": {\"memoryAvailable\": {\"min\": 1}}}",
                        "If-Match",
                        "\"1\"");
        assertThat(replaced.status).isEqualTo(200);
        assertThat(replaced.json().get("revision").asInt()).isEqualTo(2);
        assertThat(
                        series(client.get("/slas/" + id + "/violations?window=3h").json(), H1)
                                .get("status")
                                .asText())
                .isEqualTo("ok");

        ServiceClient.Answer stale =
                client.send(
                        "PUT",
                        "/slas/" + id,
                        "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"max\": 1}}}",
                        "If-Match",
                        "\"1\"");
        assertThat(stale.status).isEqualTo(412);
        assertThat(stale.json().get("error").asText()).contains("revision 2");
        ServiceClient.Answer blind =
                client.send(
                        "PUT",
                        "/slas/" + id,
                        "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"max\": 1}}}");
        assertThat(blind.status).isEqualTo(428);
        assertThat(blind.json().get("fix").asText()).contains("If-Match");
        assertThat(client.send("DELETE", "/slas/" + id, null).status).isEqualTo(428);
        assertThat(client.send("DELETE", "/slas/" + id, null, "If-Match", "\"1\"").status)
                .isEqualTo(412);

        assertThat(client.get("/slas/" + id).header("ETag")).isEqualTo("\"2\"");
        assertThat(client.send("DELETE", "/slas/" + id, null, "If-Match", "\"2\"").status)
                .isEqualTo(204);
        assertThat(client.get("/slas/" + id).status).isEqualTo(404);
        assertThat(
                        client.send(
                                        "PUT",
                                        "/slas/" + id,
                                        "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"max\": 1}}, \"revision\": 3}")
                                .status)
                .isEqualTo(404);
        assertThat(client.send("DELETE", "/slas/" + id, null, "If-Match", "\"3\"").status)
                .isEqualTo(404);
        assertThat(new SlaStore(conf).get(id)).as("the lake agrees").isEmpty();
    }

    @Test
    void anotherWritersChangeIsSeenAtTheNextRefresh() throws Exception {
        JsonNode before = client.get("/healthz").json().get("versions");
        Sla elsewhere =
                new SlaStore(conf)
                        .create(
                                "from another replica",
                                Map.of("cpuUsage", new SlaRange(10.0, null)));
        assertThat(client.get("/slas/" + elsewhere.id()).status)
                .as("not read yet: the service answers from its copy")
                .isEqualTo(404);
        service.refresh();
        assertThat(client.get("/slas/" + elsewhere.id()).json().get("name").asText())
                .isEqualTo("from another replica");
        JsonNode after = client.get("/healthz").json().get("versions");
        assertThat(after.get("silver.metrics_slas").asLong())
                .isGreaterThan(before.get("silver.metrics_slas").asLong());
        assertThat(after.get("silver.metrics_samples"))
                .isEqualTo(before.get("silver.metrics_samples"));
    }

    @Test
    void badRequestsAreRefusedWithTheFix() throws Exception {
        assertRefused(
                client.send("POST", "/slas", "{\"name\": \"x\", \"metrics\": "), 400, "not JSON");
        assertRefused(client.send("POST", "/slas", "[1]"), 400, "JSON object");
        assertRefused(
                client.send("POST", "/slas", "{\"metrics\": {\"cpuUsage\": {\"max\": 1}}}"),
                400,
                "'name'");
        assertRefused(
                client.send("POST", "/slas", "{\"name\": \"x\", \"metrics\": {}}"),
                400,
                "at least one metric");
        ServiceClient.Answer misspelt =
                client.send(
                        "POST",
                        "/slas",
                        "{\"name\": \"x\", \"metrics\": {\"cpuUsag\": {\"max\": 1}}}");
        assertRefused(misspelt, 400, "cpuUsag");
        assertThat(misspelt.json().get("fix").asText()).contains("did you mean 'cpuUsage'");
        assertRefused(
                client.send(
                        "POST",
                        "/slas",
                        "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"min\": 9, \"max\": 1}}}"),
                400,
                "above max");
        assertRefused(
                client.send("POST", "/slas", "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {}}}"),
                400,
                "a min, a max");
        assertRefused(
                client.send(
                        "POST",
                        "/slas",
                        "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"max\": \"80\"}}}"),
                400,
                "number");
        assertRefused(
                client.send("POST", "/slas", "{\"name\": \"x\", \"metric\": {}}"),
                400,
                "unknown field 'metric'");
        assertRefused(
                client.send(
                        "POST",
                        "/slas",
                        "{\"name\": \"x\", \"metrics\": {\"cpuUsage\": {\"max\": 1}}, \"revision\": 1}"),
                400,
                "revision");
        assertRefused(client.get("/slas/no-such-id"), 404, "no SLA no-such-id");
        assertRefused(client.get("/slas/no-such-id/violations"), 404, "no SLA");
        assertRefused(client.get("/slas/no-such-id/predictions"), 404, "no SLA");
        assertRefused(
                client.get("/slas/" + known.id() + "/violations?window=2h"), 400, "no window '2h'");
        assertRefused(client.get("/metrics?window=1d"), 400, "no window");
        assertRefused(client.get("/metrics?metric=cpu"), 400, "no metric 'cpu'");
        assertRefused(client.get("/metadata?metirc=cpuUsage"), 400, "unknown parameter 'metirc'");
        assertRefused(client.get("/predict?metric=nope"), 400, "no metric");
        assertRefused(offContract.get("/nowhere"), 404, "no route");
        assertRefused(offContract.send("PATCH", "/slas", "{}"), 405, "PATCH");
        assertThat(client.get("/slas").json().get("slas").toString()).doesNotContain("\"x\"");
    }

    @Test
    void concurrentCreationsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ServiceClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body =
                        "{\"name\": \"concurrent "
                                + i
                                + "\", \"metrics\": {\"cpuUsage\": {\"max\": "
                                + (50 + i)
                                + "}}}";
                answers.add(
                        pool.submit(
                                (Callable<ServiceClient.Answer>)
                                        () -> client.send("POST", "/slas", body)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<ServiceClient.Answer> a : answers) {
                assertThat(a.get().status).isEqualTo(201);
                ids.add(a.get().json().get("id").asText());
            }
            assertThat(ids).hasSize(8);
            Set<String> listed = new HashSet<>();
            for (JsonNode s : client.get("/slas").json().get("slas")) {
                listed.add(s.get("id").asText());
            }
            assertThat(listed).containsAll(ids).contains(known.id());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void healthMetricsDocumentAndStatusPage() throws Exception {
        ServiceClient.Answer health = client.get("/healthz");
        assertThat(health.status).isEqualTo(200);
        assertThat(health.json().get("versions").get("gold.metrics_window_stats").asLong())
                .isNotNegative();
        assertThat(client.get("/openapi.yaml").body).contains("/slas/{id}/violations");

        assertThat(
                        client.send(
                                        "POST",
                                        "/slas",
                                        "{\"name\": \"<b>bold</b>\", \"metrics\": {\"cpuUsage\": {\"max\": 80}}}")
                                .status)
                .isEqualTo(201);
        String page = client.get("/").body;
        assertThat(page)
                .contains("&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<b>bold")
                .contains(
                        "<svg",
                        "class=\"band\"",
                        "class=\"episode\"",
                        "class=\"forecast\"",
                        "class=\"interval\"")
                .doesNotContain("http://", "https://", "<script");

        client.get("/slas/" + known.id());
        String metrics = client.get("/service/metrics").body;
        assertThat(metrics)
                .contains(
                        "tributary_serve_requests_total{method=\"GET\",route=\"/slas/{id}\",status=\"200\"}")
                .contains("tributary_serve_request_duration_seconds_bucket")
                .contains("tributary_serve_table_version{table=\"silver.metrics_samples\"}");
    }

    private static long countBelow(double min, long from) throws Exception {
        long n = 0;
        for (long t = T0 + 15_000; t <= END; t += 15_000) {
            long s = (t - T0) / 1000;
            if (t > from && 8e9 - 2e5 * s + 1e8 * Math.sin(s / 900.0) + (s % 11) * 1e6 < min) {
                n++;
            }
        }
        return n;
    }

    private static void assertRefused(ServiceClient.Answer answer, int status, String message)
            throws Exception {
        assertThat(answer.status).as(answer.body).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).contains(message);
        assertThat(answer.json().get("fix").asText()).isNotBlank();
    }

    private static JsonNode series(JsonNode answer, String series) {
        for (JsonNode m : answer.get("metrics")) {
            if (series.equals(m.get("series").asText())) {
                return m;
            }
        }
        throw new AssertionError("no series " + series + " in " + answer);
    }

    private static JsonNode metric(JsonNode answer, String metric) {
        for (JsonNode m : answer.get("metrics")) {
            if (metric.equals(m.get("metric").asText())) {
                return m;
            }
        }
        throw new AssertionError("no metric " + metric + " in " + answer);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
