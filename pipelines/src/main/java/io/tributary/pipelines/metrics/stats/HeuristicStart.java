package io.tributary.pipelines.metrics.stats;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.flink.annotation.Internal;

/**
 * The initial states of {@link ExponentialSmoothing} as statsmodels' heuristic computes them
 * (Hyndman et al., section 2.6): seasonals from a centred moving average over the first cycles,
 * level and trend from a least-squares line through the first 10 (deseasonalised) values.
 */
@Internal
final class HeuristicStart {
    final double level;
    final double trend;

    /** s_{-m} .. s_{-1}: the seasonal state each of the first m samples uses. */
    final double[] seasons;

    HeuristicStart(double level, double trend, double[] seasons) {
        this.level = level;
        this.trend = trend;
        this.seasons = seasons;
    }

    static HeuristicStart of(double[] x, ExponentialSmoothing.Method method, int period) {
        if (!ExponentialSmoothing.fits(method, x.length, period)) {
            throw new IllegalArgumentException(
                    x.length + " samples are too few for " + method + " (period " + period + ")");
        }
        double[] base = x;
        double[] seasons = {0};
        if (method.seasonal()) {
            int m = period;
            int minObs = 10 + 2 * (m / 2);
            int cycles = Math.max(Math.min(5, x.length / m), (int) Math.ceil((double) minObs / m));
            double[] part = Arrays.copyOf(x, Math.min(x.length, m * cycles));
            double[] movingAverage = centeredMovingAverage(part, m);
            double[] sum = new double[m];
            int[] count = new int[m];
            for (int t = 0; t < part.length; t++) {
                if (!Double.isNaN(movingAverage[t])) {
                    sum[t % m] += part[t] - movingAverage[t];
                    count[t % m]++;
                }
            }
            seasons = new double[m];
            double mean = 0;
            for (int i = 0; i < m; i++) {
                seasons[i] = sum[i] / count[i];
                mean += seasons[i];
            }
            mean /= m;
            for (int i = 0; i < m; i++) {
                seasons[i] -= mean;
            }
            base = Arrays.stream(movingAverage).filter(v -> !Double.isNaN(v)).toArray();
        }
        // Level and trend: least squares on the first 10 (deseasonalised) values, t = 1..10.
        double[][] design = new double[10][2];
        for (int t = 0; t < 10; t++) {
            design[t][0] = 1;
            design[t][1] = t + 1;
        }
        RealVector coefficients =
                new QRDecomposition(new Array2DRowRealMatrix(design))
                        .getSolver()
                        .solve(new ArrayRealVector(Arrays.copyOf(base, 10)));
        return new HeuristicStart(
                coefficients.getEntry(0), method.trend() ? coefficients.getEntry(1) : 0, seasons);
    }

    /** pandas' rolling(m, center=True).mean(), then for even m shift(-1).rolling(2).mean(). */
    private static double[] centeredMovingAverage(double[] x, int m) {
        int n = x.length;
        double[] rolling = new double[n];
        Arrays.fill(rolling, Double.NaN);
        // pandas centres a window of m at i: it ends at i + (m - 1)/2, starts m - 1 before
        for (int i = 0; i < n; i++) {
            int end = i + (m - 1) / 2;
            int start = end - m + 1;
            if (start >= 0 && end < n) {
                double sum = 0;
                for (int j = start; j <= end; j++) {
                    sum += x[j];
                }
                rolling[i] = sum / m;
            }
        }
        if (m % 2 == 1) {
            return rolling;
        }
        double[] averaged = new double[n];
        Arrays.fill(averaged, Double.NaN);
        for (int i = 1; i < n; i++) {
            // shift(-1): value at i is rolling[i + 1]; rolling(2) averages i - 1 and i
            double a = rolling[i];
            double b = i + 1 < n ? rolling[i + 1] : Double.NaN;
            averaged[i] = (a + b) / 2;
        }
        // rolling(2) at 0 has one value only: NaN
        return averaged;
    }
}
