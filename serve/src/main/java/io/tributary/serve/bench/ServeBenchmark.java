package io.tributary.serve.bench;

import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.metrics.MetricsGenerator;
import io.tributary.pipelines.metrics.MetricsPipeline;
import io.tributary.pipelines.metrics.command.LocalPrometheus;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.runtime.TributaryOptions;
import io.tributary.serve.MetricsService;
import io.tributary.serve.ServeOptions;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The service against Prometheus on the same samples, one after the other in the same run: the
 * generated hosts' five metrics are backfilled into a lake the service reads and loaded into a
 * Prometheus (Debian's) through promtool; both then answer every metric's 1 h window statistics
 * (samples, max, min, avg, stddev, p50, p95) at the latest window end — the service with {@code GET
 * /metrics?metric=…&window=1h}, Prometheus with one instant query joining the seven {@code
 * *_over_time} functions — to the same closed-loop clients.
 */
@Internal
final class ServeBenchmark {
    private static final LocalDate END = LocalDate.of(2026, 3, 1);
    private static final String[] STATISTICS = {
        "samples:count_over_time(%s[1h])",
        "max:max_over_time(%s[1h])",
        "min:min_over_time(%s[1h])",
        "avg:avg_over_time(%s[1h])",
        "stddev:stddev_over_time(%s[1h])",
        "p50:quantile_over_time(0.5, %s[1h])",
        "p95:quantile_over_time(0.95, %s[1h])"
    };

    private final Path dir;
    private final PrintStream out;

    ServeBenchmark(Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
    }

    void run(int hosts, int days, int clients, Duration warmup, Duration duration)
            throws Exception {
        long started = System.nanoTime();
        MetricsGenerator generator = new MetricsGenerator(42);
        long samples = generator.generate(dir.resolve("landing/metrics"), hosts, days, END).samples;
        Path history = dir.resolve("history.om");
        generator.writeOpenMetrics(history, hosts, days, END);
        Configuration conf = new Configuration();
        conf.set(TributaryOptions.LAKE_ROOT, dir.resolve("lake").toString());
        conf.set(TributaryOptions.LANDING_ROOT, dir.resolve("landing").toString());
        conf.set(ServeOptions.PORT, 0);
        conf.set(ServeOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(ServeOptions.THREADS, clients);
        new PipelineRunner(conf, new PrintStream(OutputStream.nullOutputStream()))
                .run(MetricsPipeline.fromConfig(conf), PipelineMode.BATCH);
        out.printf(
                Locale.ROOT,
                "%,d samples (%d hosts × %d metrics × %d days) backfilled and loaded in %.1f s%n",
                samples,
                hosts,
                MetricsGenerator.METRICS.size(),
                days,
                (System.nanoTime() - started) / 1e9);

        long end = END.atStartOfDay().toInstant(ZoneOffset.UTC).getEpochSecond();
        try (LocalPrometheus prometheus =
                        LocalPrometheus.start(
                                dir.resolve("prometheus"),
                                history,
                                List.of(),
                                Duration.ofMinutes(1));
                MetricsService service = MetricsService.start(conf)) {
            List<URI> served = new ArrayList<>();
            List<URI> promql = new ArrayList<>();
            for (String metric : MetricsGenerator.METRICS) {
                served.add(
                        URI.create(
                                "http://127.0.0.1:"
                                        + service.port()
                                        + "/metrics?window=1h&metric="
                                        + metric));
                promql.add(query(prometheus.url(), union(metric), end));
            }
            out.println(agreement(served.get(1), prometheus.url(), end));
            out.printf(
                    Locale.ROOT,
                    "%d clients in a JVM of their own, %d s warm-up then %d s each, on loopback,"
                            + " %d cores…%n",
                    clients,
                    warmup.toSeconds(),
                    duration.toSeconds(),
                    Runtime.getRuntime().availableProcessors());
            Map<String, ClosedLoopLoad.Result> results = new TreeMap<>();
            results.put(
                    "tributary serve", ClosedLoopLoad.inOwnJvm(served, clients, warmup, duration));
            results.put(
                    "Prometheus 2.42", ClosedLoopLoad.inOwnJvm(promql, clients, warmup, duration));
            List<List<Object>> rows = new ArrayList<>();
            results.forEach(
                    (target, r) ->
                            rows.add(
                                    Arrays.asList(
                                            target,
                                            r.requests,
                                            round(r.perSecond()),
                                            round(r.p50),
                                            round(r.p99),
                                            round(r.max),
                                            r.errors)));
            ResultPrinter.print(
                    out,
                    List.of(
                            "answering",
                            "requests",
                            "requests/s",
                            "p50 ms",
                            "p99 ms",
                            "max ms",
                            "errors"),
                    rows,
                    ResultPrinter.Format.TABLE);
            ClosedLoopLoad.Result ours = results.get("tributary serve");
            ClosedLoopLoad.Result theirs = results.get("Prometheus 2.42");
            out.printf(
                    Locale.ROOT,
                    "throughput: %.2f× Prometheus's (target ≥ 1); p99 %.1f ms (target ≤ 20 ms)%n",
                    ours.perSecond() / theirs.perSecond(),
                    ours.p99);
            if (ours.errors + theirs.errors > 0) {
                out.printf(
                        Locale.ROOT,
                        "errors: requests answered other than 200, or not within %d s: the"
                                + " figures above include them%n",
                        ClosedLoopLoad.TIMEOUT.toSeconds());
            }
        }
    }

    /** One query answering a metric's seven window statistics, each series tagged by statistic. */
    static String union(String metric) {
        List<String> parts = new ArrayList<>();
        for (String s : STATISTICS) {
            String[] nameAndQuery = s.split(":", 2);
            parts.add(
                    "label_replace("
                            + String.format(Locale.ROOT, nameAndQuery[1], metric)
                            + ", \"stat\", \""
                            + nameAndQuery[0]
                            + "\", \"\", \"\")");
        }
        return String.join(" or ", parts);
    }

    private static URI query(String prometheus, String promql, long time) {
        return URI.create(
                prometheus
                        + "/api/v1/query?time="
                        + time
                        + "&query="
                        + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /**
     * Whether both answer the same maxima for cpuUsage: a benchmark of two servers answering
     * different things would compare nothing.
     */
    private static String agreement(URI served, String prometheus, long end) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Map<String, Double> ours = new TreeMap<>();
        for (JsonNode row : json.readTree(get(http, served)).get("rows")) {
            ours.put(instance(row.get("series").asText()), row.get("max_value").asDouble());
        }
        Map<String, Double> theirs = new TreeMap<>();
        for (JsonNode r :
                json.readTree(get(http, query(prometheus, "max_over_time(cpuUsage[1h])", end)))
                        .at("/data/result")) {
            theirs.put(r.at("/metric/instance").asText(), r.at("/value/1").asDouble());
        }
        if (!ours.equals(theirs) || ours.isEmpty()) {
            throw new IllegalStateException(
                    "the service and Prometheus answer different maxima: "
                            + ours
                            + " vs "
                            + theirs);
        }
        return "both answer the same 1 h maxima of cpuUsage: " + ours;
    }

    private static String instance(String series) {
        Matcher m = Pattern.compile("instance=\"([^\"]*)\"").matcher(series);
        return m.find() ? m.group(1) : series;
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
