package io.tributary.udfs.sre;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * The p-th percentile (linear interpolation, see {@link Percentiles}) of a group's values, nulls
 * ignored; registered once per percentile ({@link #median()} as {@code MEDIAN_OF}, {@link #p90()}
 * as {@code P90_OF}). The percentile is the instance's, not an argument: with the percentile as an
 * argument kept in the accumulator, the streaming job's p90 column showed the median (under
 * mini-batch two-phase aggregation; not diagnosed further), and the batch job's did not. Takes
 * retractions, so a streaming query keeps it current as rows change; the accumulator holds each
 * distinct value once with its count.
 */
@PublicEvolving
@FunctionHint(output = @DataTypeHint("DOUBLE"))
public final class PercentileFunction
        extends AggregateFunction<Double, PercentileFunction.Accumulator> {
    public static final String MEDIAN = "MEDIAN_OF";
    public static final String P90 = "P90_OF";

    private final double p;

    public PercentileFunction(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("A percentile is between 0 and 1, got " + p);
        }
        this.p = p;
    }

    public static PercentileFunction median() {
        return new PercentileFunction(0.5);
    }

    public static PercentileFunction p90() {
        return new PercentileFunction(0.9);
    }

    /** Each distinct value and how often it occurs (see {@link Retractions}). */
    public static final class Accumulator {
        public Map<Double, Long> counts = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator acc, Double value) {
        if (value != null) {
            acc.counts.merge(value, 1L, Retractions::sumOrRemove);
        }
    }

    public void retract(Accumulator acc, Double value) {
        if (value != null) {
            acc.counts.merge(value, -1L, Retractions::sumOrRemove);
        }
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        for (Accumulator other : others) {
            other.counts.forEach((v, n) -> acc.counts.merge(v, n, Retractions::sumOrRemove));
        }
    }

    @Override
    public Double getValue(Accumulator acc) {
        double[] sorted = Retractions.sortedValues(acc.counts);
        return sorted.length == 0 ? null : Percentiles.ofSorted(sorted, p);
    }
}
