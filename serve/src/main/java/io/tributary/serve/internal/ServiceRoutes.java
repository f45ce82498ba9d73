package io.tributary.serve.internal;

import io.tributary.pipelines.metrics.MetricQuery;
import io.tributary.pipelines.metrics.MetricsPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;

/**
 * Every route of the service: the data, the SLA manager, and what a service needs around them —
 * {@code /healthz}, {@code /openapi.yaml}, {@code /service/metrics} and the status page at {@code
 * /}.
 */
@Internal
public final class ServiceRoutes {
    private static final String OPENAPI = "/io/tributary/serve/openapi.yaml";

    private ServiceRoutes() {}

    /** The handler of all routes over {@code lake}, following the metrics of {@code pipeline}. */
    public static com.sun.net.httpserver.HttpHandler of(LakeView lake, MetricsPipeline pipeline) {
        List<String> metrics =
                pipeline.queries().stream().map(MetricQuery::name).collect(Collectors.toList());
        ServiceMetrics serviceMetrics = new ServiceMetrics(lake);
        Routes routes = new Routes(serviceMetrics);
        new DataRoutes(lake, metrics).addTo(routes);
        new SlaRoutes(lake, metrics).addTo(routes);
        byte[] openapi = openapi();
        routes.add("GET", "/healthz", r -> health(lake))
                .add("GET", "/openapi.yaml", r -> new Answer(200, "application/yaml", openapi))
                .add(
                        "GET",
                        ServiceMetrics.PATH,
                        r -> new Answer(200, serviceMetrics.contentType(), serviceMetrics.scrape()))
                .add(
                        "GET",
                        "/",
                        r ->
                                Answer.text(
                                        200,
                                        "text/html; charset=utf-8",
                                        StatusPage.render(lake.snapshot())));
        return routes;
    }

    /**
     * 200 while the service answers from a lake it could read at its latest refresh; 503 when that
     * refresh failed (the answers may be old) or the lake was never read.
     */
    private static Answer health(LakeView lake) {
        LakeSnapshot s = lake.snapshot();
        boolean read = s.readAt.toEpochMilli() > 0;
        boolean healthy = read && lake.lastError().isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "ok" : "unavailable");
        body.put("lake_read_at", read ? s.readAt.toString() : null);
        body.put("error", lake.lastError().orElse(null));
        body.put("versions", new java.util.TreeMap<>(s.versions()));
        return Answer.json(healthy ? 200 : 503, body);
    }

    private static byte[] openapi() {
        try (InputStream in = ServiceRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the service's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
