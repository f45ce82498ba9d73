package io.tributary.serve.internal;

import io.tributary.pipelines.metrics.sla.Sla;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * What the service answers from: the latest gold rows per metric series, silver's last 12 h per
 * series and the SLAs in force, each part with the table version it was read at. Immutable: a
 * refresh builds the next snapshot beside it and swaps it in, so a request sees one version of
 * every table from start to end.
 */
@Internal
public final class LakeSnapshot {
    /** A part read from one table at one version; -1 when the table does not exist yet. */
    static final class Part<T> {
        final long version;
        final T value;

        Part(long version, T value) {
            this.version = version;
            this.value = value;
        }
    }

    final Part<List<Map<String, Object>>> windowStats;
    final Part<List<Map<String, Object>>> metadata;
    final Part<List<Map<String, Object>>> forecast;
    final Part<List<Map<String, Object>>> accuracy;

    /** By metric, its series in label order. */
    final Part<Map<String, List<SeriesWindow>>> series;

    final Part<List<Sla>> slas;
    final Instant readAt;

    /**
     * Answers already written for this snapshot, by route and parameters: the same question gets
     * the same bytes until the next read of the lake, without serialising them again. Bounded, as
     * the parameters are the clients' to choose.
     */
    private final Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int MAX_ANSWERS = 10_000;

    LakeSnapshot(
            Part<List<Map<String, Object>>> windowStats,
            Part<List<Map<String, Object>>> metadata,
            Part<List<Map<String, Object>>> forecast,
            Part<List<Map<String, Object>>> accuracy,
            Part<Map<String, List<SeriesWindow>>> series,
            Part<List<Sla>> slas,
            Instant readAt) {
        this.windowStats = windowStats;
        this.metadata = metadata;
        this.forecast = forecast;
        this.accuracy = accuracy;
        this.series = series;
        this.slas = slas;
        this.readAt = readAt;
    }

    /** The table versions this snapshot was read at, by table. */
    Map<String, Long> versions() {
        return Map.of(
                "gold.metrics_window_stats", windowStats.version,
                "gold.metrics_metadata", metadata.version,
                "gold.metrics_forecast", forecast.version,
                "gold.metrics_forecast_accuracy", accuracy.version,
                "silver.metrics_samples", series.version,
                "silver.metrics_slas", slas.version);
    }

    List<SeriesWindow> seriesOf(String metric) {
        return series.value.getOrDefault(metric, List.of());
    }

    /** The answer to {@code key}, written once per snapshot. */
    Answer answer(String key, java.util.function.Supplier<Answer> write) {
        Answer known = answers.get(key);
        if (known != null) {
            return known;
        }
        Answer written = write.get();
        if (answers.size() < MAX_ANSWERS) {
            answers.putIfAbsent(key, written);
        }
        return written;
    }

    java.util.Optional<Sla> sla(String id) {
        return slas.value.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
