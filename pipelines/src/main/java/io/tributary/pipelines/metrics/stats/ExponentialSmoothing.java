package io.tributary.pipelines.metrics.stats;

import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.flink.annotation.Internal;

/**
 * Exponential smoothing with additive errors as statsmodels' {@code ETSModel(error='add',
 * initialization_method='heuristic')} defines it: simple (SES), Holt's linear trend, and additive
 * Holt-Winters, fitted by maximum likelihood within statsmodels' traditional bounds (0 &lt; α &lt;
 * 1, 0 &lt; β &lt; α, 0 &lt; γ + α &lt; 1, each with a 10⁻⁴ margin), compared by AICc, with the
 * analytic prediction intervals of Hyndman et al. (class 1 models).
 *
 * <pre>
 *   ŷ_t = l_{t-1} + b_{t-1} + s_{t-m}      e_t = y_t − ŷ_t
 *   l_t = l_{t-1} + b_{t-1} + α e_t        b_t = b_{t-1} + β e_t        s_t = s_{t-m} + γ e_t
 *   σ² = SSE / n     llf = −n/2 (log(2π σ²) + 1)     k = smoothing parameters + 1
 *   Var(ŷ_{n+h}) = σ² (1 + Σ_{j<h} (α + β j + γ [j mod m = 0])²)
 * </pre>
 */
@Internal
public final class ExponentialSmoothing {
    /** The {@code method} column's values. */
    public enum Method {
        SES("SES"),
        HOLT("Holt"),
        HOLT_WINTERS("Holt-Winters");

        private final String text;

        Method(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        boolean trend() {
            return this != SES;
        }

        boolean seasonal() {
            return this == HOLT_WINTERS;
        }
    }

    private static final double MARGIN = 1e-4;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    public final Method method;
    public final int period;
    public final double alpha;
    public final double beta;
    public final double gamma;
    public final double sse;
    public final int n;
    private final double level;
    private final double trend;

    /** The last m seasonal states, oldest first: s_{n-m} .. s_{n-1}. */
    private final double[] seasons;

    private ExponentialSmoothing(
            Method method,
            int period,
            double alpha,
            double beta,
            double gamma,
            double sse,
            int n,
            double level,
            double trend,
            double[] seasons) {
        this.method = method;
        this.period = period;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.sse = sse;
        this.n = n;
        this.level = level;
        this.trend = trend;
        this.seasons = seasons;
    }

    /** Whether {@code x} is long enough for the method's heuristic start (statsmodels' rule). */
    public static boolean fits(Method method, int n, int period) {
        if (n < 10) {
            return false;
        }
        return !method.seasonal() || (period >= 2 && n >= 2 * period && n >= 10 + 2 * (period / 2));
    }

    /** The method fitted to {@code x} by maximum likelihood. */
    public static ExponentialSmoothing fit(double[] x, Method method, int period) {
        HeuristicStart initial = HeuristicStart.of(x, method, period);
        if (method == Method.SES) {
            UnivariatePointValuePair best =
                    new BrentOptimizer(1e-10, 1e-12)
                            .optimize(
                                    new MaxEval(1000),
                                    new UnivariateObjectiveFunction(
                                            (UnivariateFunction)
                                                    a ->
                                                            filter(
                                                                            x, method, period, a, 0,
                                                                            0, initial)
                                                                    .sse),
                                    GoalType.MINIMIZE,
                                    new SearchInterval(MARGIN, 1 - MARGIN));
            return filter(x, method, period, best.getPoint(), 0, 0, initial);
        }
        int dims = method.seasonal() ? 3 : 2;
        // Optimised as statsmodels does: α, β* = β/α and γ* = γ + α, each in [1e-4, 1 - 1e-4].
        MultivariateFunction objective =
                p -> {
                    double a = p[0];
                    double b = p[1] * a;
                    double g = dims == 3 ? p[2] - a : 0;
                    return filter(x, method, period, a, b, g, initial).sse;
                };
        double[] lower = new double[dims];
        double[] upper = new double[dims];
        Arrays.fill(lower, MARGIN);
        Arrays.fill(upper, 1 - MARGIN);
        PointValuePair best = null;
        // The likelihood can have more than one basin: start from the best points of a grid.
        for (double[] start : starts(dims, objective)) {
            PointValuePair found;
            try {
                found =
                        new BOBYQAOptimizer(2 * dims + 1, 0.05, 1e-9)
                                .optimize(
                                        new MaxEval(20_000),
                                        new ObjectiveFunction(objective),
                                        GoalType.MINIMIZE,
                                        new InitialGuess(start),
                                        new SimpleBounds(lower, upper));
            } catch (MathIllegalStateException e) {
                // BOBYQA gives up on some flat surfaces; the grid's point stands instead.
                found = new PointValuePair(start, objective.value(start));
            }
            if (best == null || found.getValue() < best.getValue()) {
                best = found;
            }
        }
        double[] p = best.getPoint();
        return filter(x, method, period, p[0], p[1] * p[0], dims == 3 ? p[2] - p[0] : 0, initial);
    }

    /** The two best points of a grid over the bounded box, as starts. */
    private static double[][] starts(int dims, MultivariateFunction objective) {
        double[] grid =
                dims == 2
                        ? new double[] {0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.98}
                        : new double[] {0.02, 0.2, 0.4, 0.6, 0.8, 0.98};
        int points = (int) Math.pow(grid.length, dims);
        double[][] best = new double[2][];
        double[] bestValue = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int k = 0; k < points; k++) {
            double[] p = new double[dims];
            for (int d = 0, rest = k; d < dims; d++, rest /= grid.length) {
                p[d] = grid[rest % grid.length];
            }
            double value = objective.value(p);
            if (value < bestValue[0]) {
                best[1] = best[0];
                bestValue[1] = bestValue[0];
                best[0] = p;
                bestValue[0] = value;
            } else if (value < bestValue[1]) {
                best[1] = p;
                bestValue[1] = value;
            }
        }
        return best[1] == null ? new double[][] {best[0]} : best;
    }

    /** The model with the given smoothing parameters and the heuristic start. */
    public static ExponentialSmoothing withParameters(
            double[] x, Method method, int period, double alpha, double beta, double gamma) {
        return filter(x, method, period, alpha, beta, gamma, HeuristicStart.of(x, method, period));
    }

    private static ExponentialSmoothing filter(
            double[] x,
            Method method,
            int period,
            double alpha,
            double beta,
            double gamma,
            HeuristicStart initial) {
        int m = method.seasonal() ? period : 1;
        double l = initial.level;
        double b = initial.trend;
        // ring of seasonal states: s[t mod m] holds s_{t-m} when y_t arrives
        double[] s = initial.seasons.clone();
        double sse = 0;
        for (int t = 0; t < x.length; t++) {
            int i = t % m;
            double e = x[t] - (l + b + s[i]);
            sse += e * e;
            double nextLevel = l + b + alpha * e;
            if (method.trend()) {
                b = b + beta * e;
            }
            if (method.seasonal()) {
                s[i] = s[i] + gamma * e;
            }
            l = nextLevel;
        }
        double[] last = new double[m];
        for (int j = 0; j < m; j++) {
            last[j] = s[(x.length + j) % m];
        }
        return new ExponentialSmoothing(method, m, alpha, beta, gamma, sse, x.length, l, b, last);
    }

    public double variance() {
        return sse / n;
    }

    public double logLikelihood() {
        return -n / 2.0 * (Math.log(2 * Math.PI * variance()) + 1);
    }

    /** Smoothing parameters, and the variance. */
    public int parameters() {
        return (method.trend() ? 2 : 1) + (method.seasonal() ? 1 : 0) + 1;
    }

    public double aic() {
        return -2 * logLikelihood() + 2 * parameters();
    }

    public double aicc() {
        int k = parameters();
        return aic() + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /** The point forecast h steps ahead (h ≥ 1). */
    public double forecast(int h) {
        return level + h * trend + seasons[(h - 1) % seasons.length];
    }

    /** The forecast variance h steps ahead. */
    public double forecastVariance(int h) {
        double sum = 1;
        for (int j = 1; j < h; j++) {
            double c = alpha + beta * j + (method.seasonal() && j % period == 0 ? gamma : 0);
            sum += c * c;
        }
        return variance() * sum;
    }

    /**
     * The variance of the average of the forecasts 1..H: the h-step errors share their innovations
     * (e_{n+h} = ε_{n+h} + Σ_{j<h} c_j ε_{n+h-j}), so the average's error is Σ_k ε_{n+k} (1 + Σ_{j
     * ≤ H-k} c_j) ÷ H.
     */
    public double averageVariance(int horizon) {
        double sum = 0;
        for (int k = 1; k <= horizon; k++) {
            double weight = 1;
            for (int j = 1; j <= horizon - k; j++) {
                weight += coefficient(j);
            }
            sum += weight * weight;
        }
        return variance() * sum / ((double) horizon * horizon);
    }

    /** The central {@code level} interval of the average of the forecasts 1..H. */
    public double[] averageInterval(int horizon, double level) {
        double mean = 0;
        for (int h = 1; h <= horizon; h++) {
            mean += forecast(h);
        }
        mean /= horizon;
        double half = quantile(level) * Math.sqrt(averageVariance(horizon));
        return new double[] {mean - half, mean + half};
    }

    private double coefficient(int j) {
        return alpha + beta * j + (method.seasonal() && j % period == 0 ? gamma : 0);
    }

    private static double quantile(double level) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /** The central {@code level} (0.8, 0.95) prediction interval h steps ahead. */
    public double[] interval(int h, double level) {
        double half = quantile(level) * Math.sqrt(forecastVariance(h));
        return new double[] {forecast(h) - half, forecast(h) + half};
    }
}
