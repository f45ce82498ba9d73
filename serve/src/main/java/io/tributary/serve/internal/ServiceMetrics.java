package io.tributary.serve.internal;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.annotation.Internal;

/**
 * The service's own Prometheus metrics, at {@code /service/metrics} ({@code /metrics} is the old
 * system's data route, kept): requests by route, method and status, their latency by route, and how
 * current its copy of the lake is.
 */
@Internal
final class ServiceMetrics {
    static final String PATH = "/service/metrics";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests =
            Counter.builder()
                    .name("tributary_serve_requests_total")
                    .help("Requests answered, by route template, method and HTTP status.")
                    .labelNames("route", "method", "status")
                    .register(registry);
    private final Histogram latency =
            Histogram.builder()
                    .name("tributary_serve_request_duration_seconds")
                    .help("Time from a request's arrival to its answer's last byte, by route.")
                    .classicOnly()
                    .classicUpperBounds(
                            0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 5)
                    .labelNames("route")
                    .register(registry);

    ServiceMetrics(LakeView lake) {
        GaugeWithCallback.builder()
                .name("tributary_serve_table_version")
                .help("The Delta version of each table the service answers from (-1: no table).")
                .labelNames("table")
                .callback(
                        cb ->
                                lake.snapshot()
                                        .versions()
                                        .forEach((table, version) -> cb.call(version, table)))
                .register(registry);
        GaugeWithCallback.builder()
                .name("tributary_serve_lake_read_timestamp_seconds")
                .help("When the service last read the lake successfully (Unix time).")
                .callback(cb -> cb.call(lake.snapshot().readAt.toEpochMilli() / 1000.0))
                .register(registry);
        GaugeWithCallback.builder()
                .name("tributary_serve_lake_refresh_failing")
                .help("1 while the latest refresh of the lake failed (see /healthz), else 0.")
                .callback(cb -> cb.call(lake.lastError().isPresent() ? 1 : 0))
                .register(registry);
    }

    void observe(String route, String method, int status, long nanos) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        latency.labelValues(route).observe(nanos / 1e9);
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
