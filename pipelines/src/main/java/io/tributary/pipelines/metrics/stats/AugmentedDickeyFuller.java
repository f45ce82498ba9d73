package io.tributary.pipelines.metrics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.flink.annotation.Internal;

/**
 * The augmented Dickey-Fuller test as statsmodels' {@code adfuller(x, regression='c',
 * autolag='AIC')} computes it (statsmodels 0.13.5): the lag order chosen by AIC among 0..maxlag on
 * the sample the largest order leaves, the regression refitted with that order on its own sample,
 * MacKinnon's (1994) approximate p-value and MacKinnon's (2010) finite-sample critical values.
 */
@Internal
public final class AugmentedDickeyFuller {
    /** MacKinnon (1994), regression 'c', N = 1. */
    private static final double TAU_MAX = 2.74;

    private static final double TAU_MIN = -18.83;
    private static final double TAU_STAR = -1.61;
    private static final double[] SMALL_P = {2.1659, 1.4412, 0.038269};
    private static final double[] LARGE_P = {1.7339, 0.93202, -0.12745, -0.010368};

    /** MacKinnon (2010), regression 'c', N = 1: 1 %, 5 %, 10 %; terms in 1/nobs. */
    private static final double[][] CRITICAL = {
        {-3.43035, -6.5393, -16.786, -79.433},
        {-2.86154, -2.8903, -4.234, -40.04},
        {-2.56677, -1.5384, -2.809, 0.0}
    };

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** The test's outcome. */
    public static final class Result {
        public final double statistic;
        public final double pvalue;
        public final int usedLag;
        public final int nobs;
        public final double critical1;
        public final double critical5;
        public final double critical10;

        Result(double statistic, double pvalue, int usedLag, int nobs, double[] critical) {
            this.statistic = statistic;
            this.pvalue = pvalue;
            this.usedLag = usedLag;
            this.nobs = nobs;
            this.critical1 = critical[0];
            this.critical5 = critical[1];
            this.critical10 = critical[2];
        }
    }

    private AugmentedDickeyFuller() {}

    /** Statsmodels' default largest lag order: ⌈12·(n/100)^¼⌉, at most n/2 − 2. */
    public static int defaultMaxLag(int n) {
        return Math.min(n / 2 - 2, (int) Math.ceil(12.0 * Math.pow(n / 100.0, 0.25)));
    }

    public static Result test(double[] x) {
        int n = x.length;
        int maxLag = defaultMaxLag(n);
        if (maxLag < 0) {
            throw new IllegalArgumentException(
                    n + " samples are too few for the test with a constant");
        }
        double[] dx = new double[n - 1];
        for (int t = 0; t < n - 1; t++) {
            dx[t] = x[t + 1] - x[t];
        }
        int bestLag = 0;
        double bestAic = Double.POSITIVE_INFINITY;
        for (int lag = 0; lag <= maxLag; lag++) {
            OLSMultipleLinearRegression ols = fit(x, dx, maxLag, lag);
            int nobs = n - 1 - maxLag;
            double ssr = ols.calculateResidualSumOfSquares();
            double llf = -nobs / 2.0 * (Math.log(2 * Math.PI) + Math.log(ssr / nobs) + 1);
            double aic = -2 * llf + 2 * (lag + 2);
            if (aic < bestAic) {
                bestAic = aic;
                bestLag = lag;
            }
        }
        OLSMultipleLinearRegression ols = fit(x, dx, bestLag, bestLag);
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        double statistic = beta[1] / se[1]; // [0] is the constant, [1] the lagged level
        int nobs = n - 1 - bestLag;
        return new Result(statistic, pvalue(statistic), bestLag, nobs, critical(nobs));
    }

    /**
     * Δx_t on the lagged level x_{t−1} and Δx_{t−1..t−lag}, over the rows the {@code rows} largest
     * lag leaves (t from {@code rows} on), with a constant.
     */
    private static OLSMultipleLinearRegression fit(double[] x, double[] dx, int rows, int lag) {
        int nobs = dx.length - rows;
        double[] y = new double[nobs];
        double[][] design = new double[nobs][1 + lag];
        for (int r = 0; r < nobs; r++) {
            int t = rows + r;
            y[r] = dx[t];
            design[r][0] = x[t];
            for (int j = 1; j <= lag; j++) {
                design[r][j] = dx[t - j];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, design);
        return ols;
    }

    private static double pvalue(double statistic) {
        if (statistic > TAU_MAX) {
            return 1.0;
        }
        if (statistic < TAU_MIN) {
            return 0.0;
        }
        double[] c = statistic <= TAU_STAR ? SMALL_P : LARGE_P;
        double z = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            z = z * statistic + c[i];
        }
        return NORMAL.cumulativeProbability(z);
    }

    private static double[] critical(int nobs) {
        double[] out = new double[3];
        for (int level = 0; level < 3; level++) {
            double[] c = CRITICAL[level];
            double v = 0;
            for (int i = c.length - 1; i >= 0; i--) {
                v = v * (1.0 / nobs) + c[i];
            }
            out[level] = v;
        }
        return out;
    }
}
