package io.tributary.udfs.sre;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * {@code CONTRIBUTORS(name, weight, numerator, denominator)}: who contributed most to a group's bad
 * events. Each row adds {@code weight} (1 for a bad event, 0 otherwise) to its {@code name}; the
 * result is the {@value #TOP} names with the most weight (ties: name ascending), each with its
 * share of the group's weight in percent and a {@code detail} of its own, Σ numerator ÷ Σ
 * denominator over all its rows (e.g. mean response days: days ÷ 1; failures per deploy: failure ÷
 * success). Names without weight are left out. Takes retractions.
 */
@PublicEvolving
@FunctionHint(output = @DataTypeHint("ARRAY<" + Contributor.SQL_TYPE + ">"))
public final class ContributorsFunction
        extends AggregateFunction<Row[], ContributorsFunction.Accumulator> {
    public static final String NAME = "CONTRIBUTORS";
    static final int TOP = 3;

    /**
     * Per name: rows seen (to forget a name whose rows were all retracted), weight, numerator,
     * denominator.
     */
    public static final class Accumulator {
        public Map<String, Long> rows = new HashMap<>();
        public Map<String, Long> weights = new HashMap<>();
        public Map<String, Double> numerators = new HashMap<>();
        public Map<String, Double> denominators = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(
            Accumulator acc, String name, Long weight, Double numerator, Double denominator) {
        add(acc, name, weight, numerator, denominator, 1);
    }

    public void retract(
            Accumulator acc, String name, Long weight, Double numerator, Double denominator) {
        add(acc, name, weight, numerator, denominator, -1);
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        for (Accumulator other : others) {
            other.rows.forEach(
                    (name, rows) ->
                            add(
                                    acc,
                                    name,
                                    rows,
                                    other.weights.get(name),
                                    other.numerators.get(name),
                                    other.denominators.get(name)));
        }
    }

    private static void add(
            Accumulator acc,
            String name,
            Long weight,
            Double numerator,
            Double denominator,
            int sign) {
        if (name != null) {
            add(
                    acc,
                    name,
                    sign,
                    sign * (weight == null ? 0L : weight),
                    sign * (numerator == null ? 0.0 : numerator),
                    sign * (denominator == null ? 0.0 : denominator));
        }
    }

    /**
     * Adds rows to a name's sums. A partial accumulator of two-phase aggregation may hold a name's
     * retractions before its insertions (negative rows), and an update's retraction and insertion
     * leave its rows at zero but its sums changed: a name is forgotten only once nothing of it is
     * left.
     */
    private static void add(
            Accumulator acc,
            String name,
            long rows,
            long weight,
            double numerator,
            double denominator) {
        long left = acc.rows.merge(name, rows, Long::sum);
        long leftWeight = acc.weights.merge(name, weight, Long::sum);
        double leftNumerator = acc.numerators.merge(name, numerator, Double::sum);
        double leftDenominator = acc.denominators.merge(name, denominator, Double::sum);
        if (left == 0
                && leftWeight == 0
                && Math.abs(leftNumerator) < 1e-9
                && Math.abs(leftDenominator) < 1e-9) {
            acc.rows.remove(name);
            acc.weights.remove(name);
            acc.numerators.remove(name);
            acc.denominators.remove(name);
        }
    }

    @Override
    public Row[] getValue(Accumulator acc) {
        long total = acc.weights.values().stream().mapToLong(w -> Math.max(w, 0)).sum();
        List<String> names = new ArrayList<>();
        acc.weights.forEach(
                (name, weight) -> {
                    if (weight > 0 && acc.rows.getOrDefault(name, 0L) > 0) {
                        names.add(name);
                    }
                });
        names.sort(
                Comparator.<String>comparingLong(acc.weights::get)
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()));
        List<Row> top = new ArrayList<>();
        for (String name : names.subList(0, Math.min(TOP, names.size()))) {
            long weight = acc.weights.get(name);
            double denominator = acc.denominators.getOrDefault(name, 0.0);
            Double detail =
                    Math.abs(denominator) < 1e-9
                            ? null
                            : acc.numerators.getOrDefault(name, 0.0) / denominator;
            top.add(
                    new Contributor(top.size() + 1, name, weight, 100.0 * weight / total, detail)
                            .toRow());
        }
        return top.toArray(new Row[0]);
    }
}
