package io.tributary.pipelines.metrics.stats;

import java.util.OptionalInt;
import org.apache.flink.annotation.Internal;

/**
 * A series' season as ARCHITECTURE.md (metrics) defines it: the period is the lag of the highest
 * local maximum of the ACF (taken to n/2 lags) in [2, n/2) that is significant; the additive
 * decomposition at that period is statsmodels' {@code seasonal_decompose(x, model='additive',
 * period=p)} — a centred moving average as trend (NaN where the window does not fit), the detrended
 * values' mean per position in the period, centred, as season, and the rest as residual; the
 * strengths are max(0, 1 − Var(R) ÷ Var(S + R)) and max(0, 1 − Var(R) ÷ Var(T + R)) over the
 * positions with a residual.
 */
@Internal
public final class SeasonalDecomposition {
    public final int period;
    public final double[] trend;
    public final double[] seasonal;
    public final double[] resid;

    private SeasonalDecomposition(int period, double[] trend, double[] seasonal, double[] resid) {
        this.period = period;
        this.trend = trend;
        this.seasonal = seasonal;
        this.resid = resid;
    }

    /** The period, if the ACF has a significant local maximum in [2, n/2). */
    public static OptionalInt period(double[] x) {
        int half = x.length / 2;
        double[] acf = Autocorrelation.of(x, half); // acf[k - 1] is lag k
        double bound = Autocorrelation.significanceBound(x.length);
        int best = -1;
        for (int k = 2; k <= half - 1; k++) {
            double here = acf[k - 1];
            if (here > acf[k - 2] && here >= acf[k] && Math.abs(here) > bound) {
                if (best < 0 || here > acf[best - 1]) {
                    best = k;
                }
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** The additive decomposition at {@code period}; needs two full periods. */
    public static SeasonalDecomposition of(double[] x, int period) {
        int n = x.length;
        if (n < 2 * period) {
            throw new IllegalArgumentException(
                    n + " samples hold fewer than 2 full periods of " + period);
        }
        double[] weights = new double[period % 2 == 0 ? period + 1 : period];
        java.util.Arrays.fill(weights, 1.0 / period);
        if (period % 2 == 0) {
            weights[0] = 0.5 / period;
            weights[period] = 0.5 / period;
        }
        int side = weights.length / 2;
        double[] trend = new double[n];
        for (int t = 0; t < n; t++) {
            if (t < side || t + side >= n) {
                trend[t] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * x[t - side + j];
            }
            trend[t] = sum;
        }
        double[] averages = new double[period];
        for (int i = 0; i < period; i++) {
            double sum = 0;
            int count = 0;
            for (int t = i; t < n; t += period) {
                if (!Double.isNaN(trend[t])) {
                    sum += x[t] - trend[t];
                    count++;
                }
            }
            averages[i] = sum / count;
        }
        double mean = 0;
        for (double a : averages) {
            mean += a;
        }
        mean /= period;
        double[] seasonal = new double[n];
        double[] resid = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = averages[t % period] - mean;
            resid[t] = x[t] - trend[t] - seasonal[t];
        }
        return new SeasonalDecomposition(period, trend, seasonal, resid);
    }

    /** max(0, 1 − Var(R) ÷ Var(S + R)) where the residual is known. */
    public double seasonalStrength() {
        return strength(seasonal);
    }

    /** max(0, 1 − Var(R) ÷ Var(T + R)) where the residual is known. */
    public double trendStrength() {
        return strength(trend);
    }

    private double strength(double[] component) {
        int n = 0;
        for (double r : resid) {
            if (!Double.isNaN(r)) {
                n++;
            }
        }
        double[] r = new double[n];
        double[] sum = new double[n];
        int i = 0;
        for (int t = 0; t < resid.length; t++) {
            if (!Double.isNaN(resid[t])) {
                r[i] = resid[t];
                sum[i] = component[t] + resid[t];
                i++;
            }
        }
        return Math.max(0, 1 - variance(r) / variance(sum));
    }

    /** Population variance (ddof 0), as numpy's default. */
    private static double variance(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double sum = 0;
        for (double d : v) {
            sum += (d - mean) * (d - mean);
        }
        return sum / v.length;
    }
}
