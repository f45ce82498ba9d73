package io.tributary.pipelines.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The horizon's average and its interval, and the backtest, against direct computations. */
class ForecastTest {
    private static double[] seasonal(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 50 + 0.05 * t + 8 * Math.sin(2 * Math.PI * t / 24) + random.nextGaussian();
        }
        return x;
    }

    @Test
    void theAveragesVarianceIsTheMeanOfTheErrorsCovariances() {
        double[] x = seasonal(240, 1);
        ExponentialSmoothing m =
                ExponentialSmoothing.fit(x, ExponentialSmoothing.Method.HOLT_WINTERS, 24);
        int horizon = 30;
        // Cov(e_h, e_h') = σ² Σ_{i<h} ψ_i ψ_{i+h'-h} for h ≤ h', ψ_0 = 1, ψ_j = α + βj + γ[j mod m
        // = 0]
        double[] psi = new double[horizon];
        psi[0] = 1;
        for (int j = 1; j < horizon; j++) {
            psi[j] = m.alpha + m.beta * j + (j % 24 == 0 ? m.gamma : 0);
        }
        double sum = 0;
        for (int h = 1; h <= horizon; h++) {
            for (int g = 1; g <= horizon; g++) {
                int a = Math.min(h, g);
                int lag = Math.abs(h - g);
                for (int i = 0; i < a; i++) {
                    sum += psi[i] * psi[i + lag];
                }
            }
        }
        assertThat(m.averageVariance(horizon))
                .isCloseTo(m.variance() * sum / (horizon * horizon), within(1e-9));
        assertThat(m.averageVariance(1)).isCloseTo(m.forecastVariance(1), within(1e-12));
        assertThat(m.averageInterval(1, 0.95)).containsExactly(m.interval(1, 0.95));
    }

    @Test
    void theForecastChoosesBySmallestAiccAndSummarisesTheHorizon() {
        double[] x = seasonal(240, 2);
        Forecast f = Forecast.of(x, 24, 12);
        double best = Double.POSITIVE_INFINITY;
        for (ExponentialSmoothing.Method method : ExponentialSmoothing.Method.values()) {
            best = Math.min(best, ExponentialSmoothing.fit(x, method, 24).aicc());
        }
        assertThat(f.model.aicc()).isEqualTo(best);
        assertThat(f.model.method).isEqualTo(ExponentialSmoothing.Method.HOLT_WINTERS);
        double sum = 0;
        for (int h = 1; h <= 12; h++) {
            sum += f.model.forecast(h);
            assertThat(f.model.forecast(h)).isBetween(f.lowest, f.highest);
        }
        assertThat(f.average).isCloseTo(sum / 12, within(1e-12));
        assertThat(f.average80[0]).isLessThan(f.average).isGreaterThan(f.average95[0]);
        assertThat(Forecast.of(new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, 0, 4))
                .as("a constant series: nothing to forecast with an interval")
                .isNull();
        assertThat(Forecast.of(new double[] {1, 2, 3}, 0, 4)).as("too few samples").isNull();
    }

    @Test
    void theBreachProbabilityIsTheForecastsMassOutsideTheRange() {
        Forecast f = Forecast.of(seasonal(240, 4), 24, 12);
        double mean = f.model.forecast(3);
        double sd = Math.sqrt(f.model.forecastVariance(3));
        assertThat(f.outsideProbability(3, null, mean)).isCloseTo(0.5, within(1e-12));
        assertThat(f.outsideProbability(3, mean, null)).isCloseTo(0.5, within(1e-12));
        // one standard deviation either side leaves 31.73 % outside
        assertThat(f.outsideProbability(3, mean - sd, mean + sd)).isCloseTo(0.3173, within(1e-4));
        assertThat(f.outsideProbability(3, mean - 50 * sd, mean + 50 * sd)).isLessThan(1e-12);
        assertThat(f.outsideProbability(6, mean - sd, mean + sd))
                .as("further ahead, wider, so more outside the same band")
                .isGreaterThan(
                        f.outsideProbability(
                                1, f.model.forecast(1) - sd, f.model.forecast(1) + sd));
    }

    @Test
    void theBacktestScoresTheLastOriginsAgainstTheNaiveForecast() {
        double[] x = seasonal(240, 3);
        Forecast.Backtest b =
                Forecast.backtest(x, ExponentialSmoothing.Method.HOLT_WINTERS, 24, 10);
        double mae = 0;
        double naive = 0;
        for (int k = 1; k <= 6; k++) {
            int origin = 240 - 10 * k;
            ExponentialSmoothing m =
                    ExponentialSmoothing.fit(
                            java.util.Arrays.copyOf(x, origin),
                            ExponentialSmoothing.Method.HOLT_WINTERS,
                            24);
            for (int h = 1; h <= 10; h++) {
                mae += Math.abs(x[origin + h - 1] - m.forecast(h));
                naive += Math.abs(x[origin + h - 1] - x[origin - 1]);
            }
        }
        assertThat(b.origins).isEqualTo(6);
        assertThat(b.mae).isCloseTo(mae / 60, within(1e-9));
        assertThat(b.naiveMae).isCloseTo(naive / 60, within(1e-9));
        assertThat(b.mase()).isLessThan(1.0).as("a seasonal model beats the naive forecast");
    }
}
