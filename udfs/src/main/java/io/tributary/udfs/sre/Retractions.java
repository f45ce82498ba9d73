package io.tributary.udfs.sre;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counting for aggregates that take retractions. A partial accumulator of two-phase (local/global)
 * aggregation may see a value's retraction before its insertion, so counts go negative there and
 * the global accumulator's merge brings them back; a count that reaches zero is removed.
 */
final class Retractions {
    private Retractions() {}

    /** The values a multiset holds, each as often as its (positive) count says, ascending. */
    static double[] sortedValues(Map<? extends Number, Long> counts) {
        long n = counts.values().stream().mapToLong(c -> Math.max(c, 0)).sum();
        double[] sorted = new double[(int) n];
        int i = 0;
        for (Map.Entry<? extends Number, Long> e : new TreeMap<>(counts).entrySet()) {
            for (long k = 0; k < e.getValue(); k++) {
                sorted[i++] = e.getKey().doubleValue();
            }
        }
        return sorted;
    }

    /** For {@code Map.merge}: the sum, or null (remove the entry) when it is zero. */
    static Long sumOrRemove(Long a, Long b) {
        long sum = a + b;
        return sum == 0 ? null : sum;
    }
}
