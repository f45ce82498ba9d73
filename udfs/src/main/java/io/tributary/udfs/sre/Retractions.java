package io.tributary.udfs.sre;

/**
 * Counting for aggregates that take retractions. A partial accumulator of two-phase (local/global)
 * aggregation may see a value's retraction before its insertion, so counts go negative there and
 * the global accumulator's merge brings them back; a count that reaches zero is removed.
 */
final class Retractions {
    private Retractions() {}

    /** For {@code Map.merge}: the sum, or null (remove the entry) when it is zero. */
    static Long sumOrRemove(Long a, Long b) {
        long sum = a + b;
        return sum == 0 ? null : sum;
    }
}
