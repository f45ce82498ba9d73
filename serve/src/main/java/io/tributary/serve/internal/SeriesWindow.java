package io.tributary.serve.internal;

import io.tributary.pipelines.metrics.series.LatestRows;
import io.tributary.pipelines.metrics.series.MetricWindows;
import io.tributary.pipelines.metrics.series.SeriesSamples;
import io.tributary.pipelines.metrics.stats.Forecast;
import io.tributary.pipelines.metrics.stats.SeriesMetadata;
import java.util.Optional;
import org.apache.flink.annotation.Internal;

/**
 * One metric series' samples of the 12 h ending at its latest window end, from silver: what the SLA
 * answers check and the status page draws. The end and the windows are the pipeline's, so an answer
 * equals the {@code gold.sla_violations} row of the same end for the same SLA; the forecast, fitted
 * on first use, equals {@code gold.metrics_forecast}'s.
 */
@Internal
final class SeriesWindow {
    final String metric;
    final String series;
    final long end;
    private final SeriesSamples samples;
    private volatile Optional<Forecast> forecast;

    SeriesWindow(String metric, String series, long end, SeriesSamples samples) {
        this.metric = metric;
        this.series = series;
        this.end = end;
        this.samples = samples;
    }

    /** Times of the window of this length ending at {@link #end}, one per time. */
    long[] times(long length) {
        return samples.times(end - length, end);
    }

    double[] values(long length) {
        return samples.values(end - length, end);
    }

    /** The 10-minute forecast of the 12 h window; empty when the series cannot have one. */
    Optional<Forecast> forecast() {
        Optional<Forecast> f = forecast;
        if (f == null) {
            synchronized (this) {
                if (forecast == null) {
                    double[] x = values(MetricWindows.LONGEST);
                    forecast =
                            Optional.ofNullable(
                                    LatestRows.forecast(
                                            x,
                                            SeriesMetadata.of(x),
                                            LatestRows.horizonSteps(times(MetricWindows.LONGEST))));
                }
                f = forecast;
            }
        }
        return f;
    }
}
