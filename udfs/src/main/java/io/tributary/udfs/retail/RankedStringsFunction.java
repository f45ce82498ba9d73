package io.tributary.udfs.retail;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * {@code ranked_strings(position, value)}: a group's values as an array in the order of their
 * positions (1, 2, …) — what {@code ARRAY_AGG} cannot promise, since Flink SQL has no {@code WITHIN
 * GROUP (ORDER BY …)}. A position given twice keeps the last value. Takes retractions, so a
 * streaming query keeps its arrays current.
 */
@PublicEvolving
public final class RankedStringsFunction
        extends AggregateFunction<String[], RankedStringsFunction.Accumulator> {
    public static final String NAME = "ranked_strings";

    /** The values by position. */
    public static final class Accumulator {
        public Map<Integer, String> values = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator acc, Integer position, String value) {
        Positions.put(acc.values, position, value);
    }

    public void retract(Accumulator acc, Integer position, String value) {
        Positions.remove(acc.values, position, value);
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        others.forEach(o -> acc.values.putAll(o.values));
    }

    @Override
    public String[] getValue(Accumulator acc) {
        return Positions.inOrder(acc.values).toArray(new String[0]);
    }
}
