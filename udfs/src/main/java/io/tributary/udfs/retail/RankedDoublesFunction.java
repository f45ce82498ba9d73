package io.tributary.udfs.retail;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.functions.AggregateFunction;

/** {@code ranked_doubles(position, value)}: {@link RankedStringsFunction} for scores. */
@PublicEvolving
public final class RankedDoublesFunction
        extends AggregateFunction<Double[], RankedDoublesFunction.Accumulator> {
    public static final String NAME = "ranked_doubles";

    /** The values by position. */
    public static final class Accumulator {
        public Map<Integer, Double> values = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator acc, Integer position, Double value) {
        Positions.put(acc.values, position, value);
    }

    public void retract(Accumulator acc, Integer position, Double value) {
        Positions.remove(acc.values, position, value);
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        others.forEach(o -> acc.values.putAll(o.values));
    }

    @Override
    public Double[] getValue(Accumulator acc) {
        return Positions.inOrder(acc.values).toArray(new Double[0]);
    }
}
