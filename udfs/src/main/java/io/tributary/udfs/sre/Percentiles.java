package io.tributary.udfs.sre;

import java.util.Arrays;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Percentiles with linear interpolation between the closest ranks, as SQL's PERCENTILE_CONT: the
 * median of 1, 2, 3, 4 is 2.5; p90 of ten values lies between the ninth and the tenth.
 */
@PublicEvolving
public final class Percentiles {
    private Percentiles() {}

    /** The {@code p}-th percentile (0 ≤ p ≤ 1) of the values; null for no values. */
    public static Double of(double[] values, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("A percentile is between 0 and 1, got " + p);
        }
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    static double ofSorted(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
