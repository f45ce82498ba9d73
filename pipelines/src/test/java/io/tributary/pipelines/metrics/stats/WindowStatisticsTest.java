package io.tributary.pipelines.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quantiles by selection equal PromQL's definition on a sorted copy, ties and all. */
class WindowStatisticsTest {
    private static double sortedQuantile(double q, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = q * (sorted.length - 1);
        double lower = Math.max(0, Math.floor(rank));
        double upper = Math.min(sorted.length - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        return sorted[(int) lower] * (1 - weight) + sorted[(int) upper] * weight;
    }

    @Test
    void selectionGivesTheSortedDefinitionsValue() {
        Random random = new Random(18);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(300);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values in some rounds: ties around the ranks
                x[i] = round % 3 == 0 ? random.nextInt(5) : random.nextGaussian() * 100;
            }
            for (double q : new double[] {0, 0.5, 0.95, 1}) {
                assertThat(WindowStatistics.quantile(q, x.clone()))
                        .as("n=%d q=%s", n, q)
                        .isEqualTo(sortedQuantile(q, x));
            }
            WindowStatistics s = WindowStatistics.of(x, 0, n);
            assertThat(s.p50()).isEqualTo(sortedQuantile(0.5, x));
            assertThat(s.p95()).isEqualTo(sortedQuantile(0.95, x));
        }
    }
}
