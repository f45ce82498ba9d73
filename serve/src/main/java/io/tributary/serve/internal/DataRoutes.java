package io.tributary.serve.internal;

import io.tributary.pipelines.metrics.series.MetricWindows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;

/**
 * The old system's data retrieval: {@code GET /metrics} (window statistics), {@code GET /metadata}
 * and {@code GET /predict}, each the latest gold rows of every metric series, filtered by metric,
 * series and (window statistics) window.
 */
@Internal
final class DataRoutes {
    private final LakeView lake;
    private final List<String> metrics;

    DataRoutes(LakeView lake, List<String> metrics) {
        this.lake = lake;
        this.metrics = metrics;
    }

    void addTo(Routes routes) {
        routes.add("GET", "/metrics", this::windowStats)
                .add("GET", "/metadata", this::metadata)
                .add("GET", "/predict", this::predict);
    }

    private Answer windowStats(Request request) {
        request.allowParameters(List.of("metric", "series", "window"));
        Optional<String> window = request.parameter("window");
        window.ifPresent(
                w -> {
                    if (!MetricWindows.NAMES.contains(w)) {
                        throw ApiError.badRequest(
                                "no window '" + w + "'", Nearest.hint(w, MetricWindows.NAMES));
                    }
                });
        LakeSnapshot s = lake.snapshot();
        return s.answer(
                key("/metrics", request),
                () ->
                        table(
                                "gold.metrics_window_stats",
                                s.windowStats,
                                filter(request, s.windowStats.value, window)));
    }

    private Answer metadata(Request request) {
        request.allowParameters(List.of("metric", "series"));
        LakeSnapshot s = lake.snapshot();
        return s.answer(
                key("/metadata", request),
                () ->
                        table(
                                "gold.metrics_metadata",
                                s.metadata,
                                filter(request, s.metadata.value, Optional.empty())));
    }

    private Answer predict(Request request) {
        request.allowParameters(List.of("metric", "series"));
        LakeSnapshot s = lake.snapshot();
        return s.answer(key("/predict", request), () -> forecasts(request, s));
    }

    /** The forecasts, each with its backtest's accuracy when there is one. */
    private Answer forecasts(Request request, LakeSnapshot s) {
        Map<List<Object>, Map<String, Object>> accuracy = new LinkedHashMap<>();
        for (Map<String, Object> row : s.accuracy.value) {
            accuracy.put(List.of(row.get("metric"), row.get("series")), row);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : filter(request, s.forecast.value, Optional.empty())) {
            Map<String, Object> withAccuracy = new LinkedHashMap<>(row);
            Map<String, Object> a = accuracy.get(List.of(row.get("metric"), row.get("series")));
            Map<String, Object> backtest = null;
            if (a != null) {
                backtest = new LinkedHashMap<>();
                for (String column :
                        List.of("origins", "horizon_steps", "mae", "naive_mae", "mase")) {
                    backtest.put(column, a.get(column));
                }
            }
            withAccuracy.put("accuracy", backtest);
            rows.add(withAccuracy);
        }
        return table("gold.metrics_forecast", s.forecast, rows);
    }

    private static String key(String route, Request request) {
        return String.join(
                "\n",
                route,
                request.parameter("metric").orElse(""),
                request.parameter("series").orElse(""),
                request.parameter("window").orElse(""));
    }

    private List<Map<String, Object>> filter(
            Request request, List<Map<String, Object>> rows, Optional<String> window) {
        Optional<String> metric = request.parameter("metric");
        metric.ifPresent(
                m -> {
                    if (!metrics.contains(m)) {
                        throw ApiError.badRequest(
                                "the service follows no metric '" + m + "'",
                                Nearest.hint(m, metrics));
                    }
                });
        Optional<String> series = request.parameter("series");
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (metric.map(m -> m.equals(row.get("metric"))).orElse(true)
                    && series.map(x -> x.equals(row.get("series"))).orElse(true)
                    && window.map(w -> w.equals(row.get("window_name"))).orElse(true)) {
                kept.add(row);
            }
        }
        return kept;
    }

    private static Answer table(
            String table, LakeSnapshot.Part<?> part, List<Map<String, Object>> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("table", table);
        body.put("version", part.version < 0 ? null : part.version);
        body.put("rows", rows);
        return Answer.json(200, body);
    }
}
