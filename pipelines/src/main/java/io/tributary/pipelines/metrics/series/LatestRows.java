package io.tributary.pipelines.metrics.series;

import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaPrediction;
import io.tributary.pipelines.metrics.sla.SlaRange;
import io.tributary.pipelines.metrics.stats.Forecast;
import io.tributary.pipelines.metrics.stats.SeriesMetadata;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;

/**
 * The gold rows of a series' latest window end, from the samples of its 12 h window: the metadata
 * ({@code metrics_metadata}), the forecast of the next 10 minutes ({@code metrics_forecast}), its
 * backtest ({@code metrics_forecast_accuracy}) and, per SLA with a range for the metric, the
 * predicted violations ({@code sla_predictions}). A component that cannot be computed (too few
 * samples, a constant series) has no row; the metadata's note says why.
 */
@Internal
public final class LatestRows {
    /** How far ahead the forecast and the SLA predictions look. */
    public static final Duration HORIZON = Duration.ofMinutes(10);

    public static final TypeInformation<Row> METADATA =
            Types.ROW_NAMED(
                    new String[] {
                        "metric",
                        "series",
                        "window_end",
                        "samples",
                        "acf",
                        "significant_lags",
                        "adf_statistic",
                        "adf_pvalue",
                        "adf_used_lag",
                        "adf_nobs",
                        "adf_critical_1pct",
                        "adf_critical_5pct",
                        "adf_critical_10pct",
                        "stationary",
                        "seasonal_period",
                        "seasonal_strength",
                        "trend_strength",
                        "note"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.LOCAL_DATE_TIME,
                    Types.LONG,
                    Types.OBJECT_ARRAY(Types.DOUBLE),
                    Types.OBJECT_ARRAY(Types.INT),
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.INT,
                    Types.INT,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.BOOLEAN,
                    Types.INT,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.STRING);

    public static final TypeInformation<Row> FORECAST =
            Types.ROW_NAMED(
                    new String[] {
                        "metric",
                        "series",
                        "made_at",
                        "method",
                        "horizon_end",
                        "predicted_avg",
                        "predicted_min",
                        "predicted_max",
                        "avg_lower_80",
                        "avg_upper_80",
                        "avg_lower_95",
                        "avg_upper_95"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.LOCAL_DATE_TIME,
                    Types.STRING,
                    Types.LOCAL_DATE_TIME,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE);

    public static final TypeInformation<Row> ACCURACY =
            Types.ROW_NAMED(
                    new String[] {
                        "metric",
                        "series",
                        "made_at",
                        "method",
                        "origins",
                        "horizon_steps",
                        "mae",
                        "naive_mae",
                        "mase"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.LOCAL_DATE_TIME,
                    Types.STRING,
                    Types.INT,
                    Types.INT,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE);

    public static final TypeInformation<Row> SLA_PREDICTIONS =
            Types.ROW_NAMED(
                    new String[] {
                        "sla_id",
                        "metric",
                        "series",
                        "made_at",
                        "predicted_violations",
                        "breach_probability"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.STRING,
                    Types.LOCAL_DATE_TIME,
                    Types.LONG,
                    Types.DOUBLE);

    public final Row metadata;
    public final Row forecast;
    public final Row accuracy;

    /** By SLA id. */
    public final Map<String, Row> slaPredictions;

    private LatestRows(Row metadata, Row forecast, Row accuracy, Map<String, Row> slaPredictions) {
        this.metadata = metadata;
        this.forecast = forecast;
        this.accuracy = accuracy;
        this.slaPredictions = slaPredictions;
    }

    /** Nothing: a series without samples. */
    static final LatestRows NONE = new LatestRows(null, null, null, Map.of());

    /** The rows of the 12 h window ending at the series' latest window end. */
    static LatestRows of(
            MetricWindows windows,
            List<Sla> slas,
            String metric,
            String series,
            SeriesSamples samples) {
        if (samples.isEmpty()) {
            return NONE;
        }
        long end = windows.endOf(samples.last());
        long[] times = samples.times(end - MetricWindows.LONGEST, end);
        double[] x = samples.values(end - MetricWindows.LONGEST, end);
        SeriesMetadata m = SeriesMetadata.of(x);
        Row metadata = metadata(metric, series, end, m);
        int steps = horizonSteps(times);
        Forecast f = forecast(x, m, steps);
        if (f == null) {
            return new LatestRows(metadata, null, null, Map.of());
        }
        Row forecast =
                Row.of(
                        metric,
                        series,
                        MetricWindows.utc(end),
                        f.model.method.toString(),
                        MetricWindows.utc(end + HORIZON.toMillis()),
                        f.average,
                        f.lowest,
                        f.highest,
                        f.average80[0],
                        f.average80[1],
                        f.average95[0],
                        f.average95[1]);
        Forecast.Backtest b = Forecast.backtest(x, f.model.method, f.model.period, steps);
        Row accuracy =
                b == null
                        ? null
                        : Row.of(
                                metric,
                                series,
                                MetricWindows.utc(end),
                                f.model.method.toString(),
                                b.origins,
                                steps,
                                b.mae,
                                b.naiveMae,
                                b.mase());
        Map<String, Row> predictions = new LinkedHashMap<>();
        for (Sla sla : slas) {
            SlaRange range = sla.metrics().get(metric);
            if (range == null) {
                continue;
            }
            SlaPrediction p = SlaPrediction.of(f, range);
            predictions.put(
                    sla.id(),
                    Row.of(
                            sla.id(),
                            metric,
                            series,
                            MetricWindows.utc(end),
                            p.predictedViolations,
                            p.breachProbability));
        }
        return new LatestRows(metadata, forecast, accuracy, predictions);
    }

    /** The forecast of {@code steps} ahead, seasonal at the metadata's period if it found one. */
    public static Forecast forecast(double[] x, SeriesMetadata m, int steps) {
        return Forecast.of(x, m.seasonalPeriod == null ? 0 : m.seasonalPeriod, steps);
    }

    /** Steps in the horizon: 10 minutes over the window's median gap between samples. */
    public static int horizonSteps(long[] times) {
        if (times.length < 2) {
            return 1;
        }
        long[] gaps = new long[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        return (int) Math.max(1, Math.round((double) HORIZON.toMillis() / median));
    }

    private static Row metadata(String metric, String series, long end, SeriesMetadata m) {
        return Row.of(
                metric,
                series,
                MetricWindows.utc(end),
                (long) m.samples,
                m.acf == null ? null : Arrays.stream(m.acf).boxed().toArray(Double[]::new),
                m.significantLags == null
                        ? null
                        : Arrays.stream(m.significantLags).boxed().toArray(Integer[]::new),
                m.adf == null ? null : m.adf.statistic,
                m.adf == null ? null : m.adf.pvalue,
                m.adf == null ? null : m.adf.usedLag,
                m.adf == null ? null : m.adf.nobs,
                m.adf == null ? null : m.adf.critical1,
                m.adf == null ? null : m.adf.critical5,
                m.adf == null ? null : m.adf.critical10,
                m.stationary(),
                m.seasonalPeriod,
                m.seasonalStrength,
                m.trendStrength,
                m.note);
    }
}
