package io.tributary.udfs.sre;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.AggregateFunction;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code PERCENTILE_OF(value, p)}: the p-th percentile (linear interpolation, see
 * {@link Percentiles}) of a group's values, nulls ignored. Takes retractions, so a streaming
 * query keeps it current as rows change; the accumulator holds each distinct value once with its
 * count.
 */
@FunctionHint(output = @DataTypeHint("DOUBLE"))
public final class PercentileFunction extends AggregateFunction<Double, PercentileFunction.Accumulator> {
    public static final String NAME = "PERCENTILE_OF";

    /** Each distinct value and how often it occurs; the percentile asked for. */
    public static final class Accumulator {
        public Map<Double, Long> counts = new HashMap<>();
        public double p = 0.5;
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator acc, Double value, Double p) {
        if (value != null && p != null) {
            acc.p = p;
            acc.counts.merge(value, 1L, Long::sum);
        }
    }

    public void retract(Accumulator acc, Double value, Double p) {
        if (value != null) {
            acc.counts.computeIfPresent(value, (v, n) -> n > 1 ? n - 1 : null);
        }
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        for (Accumulator other : others) {
            other.counts.forEach((v, n) -> acc.counts.merge(v, n, Long::sum));
            acc.p = other.p;
        }
    }

    @Override
    public Double getValue(Accumulator acc) {
        long n = acc.counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double[] sorted = new double[(int) n];
        int i = 0;
        for (Map.Entry<Double, Long> e : new TreeMap<>(acc.counts).entrySet()) {
            for (long k = 0; k < e.getValue(); k++) {
                sorted[i++] = e.getKey();
            }
        }
        return Percentiles.ofSorted(sorted, acc.p);
    }
}
