package io.tributary.pipelines.metrics.stats;

import org.apache.flink.annotation.Internal;

/**
 * The sample autocorrelation of a series as statsmodels' {@code acf(x, adjusted=False, fft=False)}
 * computes it: autocovariances of the demeaned series, each summed over the pairs it has and
 * divided by n (not by n − k), over the lag-0 autocovariance.
 */
@Internal
public final class Autocorrelation {
    private Autocorrelation() {}

    /** ACF at lags 1..{@code lags}; NaN throughout for a constant series. */
    public static double[] of(double[] x, int lags) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            d[t] = x[t] - mean;
        }
        double c0 = lagged(d, 0);
        double[] acf = new double[lags];
        for (int k = 1; k <= lags; k++) {
            acf[k - 1] = lagged(d, k) / c0;
        }
        return acf;
    }

    /** The default number of lags: min(⌊10·log10 n⌋, n − 1). */
    public static int defaultLags(int n) {
        return Math.min((int) Math.floor(10 * Math.log10(n)), n - 1);
    }

    /** The bound past which a lag is significant: 1.96 ÷ √n. */
    public static double significanceBound(int n) {
        return 1.96 / Math.sqrt(n);
    }

    private static double lagged(double[] d, int k) {
        double sum = 0;
        for (int t = 0; t + k < d.length; t++) {
            sum += d[t] * d[t + k];
        }
        return sum / d.length;
    }
}
