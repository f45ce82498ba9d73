package io.tributary.pipelines.metrics.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.flink.annotation.Internal;

/**
 * The forecast of a series' next minutes ({@code gold.metrics_forecast}): SES, Holt and, when the
 * series has a seasonal period, additive Holt-Winters fitted to its samples, the lowest AICc
 * chosen; over the horizon's H steps the average, lowest and highest point forecast, and the 80 %
 * and 95 % intervals of the average. {@link #backtest} scores the chosen method from rolling
 * origins against the naive forecast ({@code gold.metrics_forecast_accuracy}).
 */
@Internal
public final class Forecast {
    /** Rolling origins of the backtest: the last ones, one horizon apart. */
    static final int ORIGINS = 6;

    public final ExponentialSmoothing model;
    public final int horizon;
    public final double average;
    public final double lowest;
    public final double highest;
    public final double[] average80;
    public final double[] average95;

    private Forecast(ExponentialSmoothing model, int horizon) {
        this.model = model;
        this.horizon = horizon;
        double sum = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int h = 1; h <= horizon; h++) {
            double f = model.forecast(h);
            sum += f;
            low = Math.min(low, f);
            high = Math.max(high, f);
        }
        this.average = sum / horizon;
        this.lowest = low;
        this.highest = high;
        this.average80 = model.averageInterval(horizon, 0.8);
        this.average95 = model.averageInterval(horizon, 0.95);
    }

    /**
     * The best model's forecast {@code horizon} steps ahead; null when the samples are too few for
     * any method (fewer than 10) or hold no variation.
     *
     * @param period the seasonal period, 0 for none
     */
    public static Forecast of(double[] x, int period, int horizon) {
        if (java.util.Arrays.stream(x).distinct().count() < 2) {
            return null;
        }
        ExponentialSmoothing best = null;
        for (ExponentialSmoothing.Method method : ExponentialSmoothing.Method.values()) {
            if (!ExponentialSmoothing.fits(method, x.length, period)) {
                continue;
            }
            ExponentialSmoothing fitted = ExponentialSmoothing.fit(x, method, period);
            if (best == null || fitted.aicc() < best.aicc()) {
                best = fitted;
            }
        }
        return best == null ? null : new Forecast(best, horizon);
    }

    /** The probability that the point h steps ahead lies outside [min, max] (null: open). */
    public double outsideProbability(int h, Double min, Double max) {
        NormalDistribution d =
                new NormalDistribution(model.forecast(h), Math.sqrt(model.forecastVariance(h)));
        return (min == null ? 0 : d.cumulativeProbability(min))
                + (max == null ? 0 : 1 - d.cumulativeProbability(max));
    }

    /** The rolling-origin scores of a method: its and the naive forecast's mean absolute error. */
    public static final class Backtest {
        public final int origins;
        public final double mae;
        public final double naiveMae;

        Backtest(int origins, double mae, double naiveMae) {
            this.origins = origins;
            this.mae = mae;
            this.naiveMae = naiveMae;
        }

        /** MAE ÷ the naive forecast's MAE over the same origins; null when that is 0. */
        public Double mase() {
            return naiveMae == 0 ? null : mae / naiveMae;
        }
    }

    /**
     * The method re-fitted at each of the last {@link #ORIGINS} origins one horizon apart (as many
     * as leave it enough samples), forecasting the next {@code horizon} samples; the naive forecast
     * repeats the last sample before the origin. Null without an origin.
     */
    public static Backtest backtest(
            double[] x, ExponentialSmoothing.Method method, int period, int horizon) {
        List<double[]> errors = new ArrayList<>();
        for (int k = 1; k <= ORIGINS; k++) {
            int origin = x.length - k * horizon;
            if (origin < 1 || !ExponentialSmoothing.fits(method, origin, period)) {
                break;
            }
            double[] train = java.util.Arrays.copyOf(x, origin);
            ExponentialSmoothing fitted = ExponentialSmoothing.fit(train, method, period);
            for (int h = 1; h <= horizon; h++) {
                double actual = x[origin + h - 1];
                errors.add(
                        new double[] {
                            Math.abs(actual - fitted.forecast(h)), Math.abs(actual - x[origin - 1])
                        });
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        double mae = errors.stream().mapToDouble(e -> e[0]).average().orElseThrow();
        double naive = errors.stream().mapToDouble(e -> e[1]).average().orElseThrow();
        return new Backtest(errors.size() / horizon, mae, naive);
    }
}
