package io.tributary.udfs.retail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * {@code recommend(seen_item, neighbours, scores, n)}, grouped by person: one row per item the
 * person saw, with that item's ranked neighbours and their similarity (both NULL for an item
 * without any). The person's top {@code n} items they have not seen, by the summed similarity to
 * what they saw (rounded to 12 decimals, so that sums in any order rank alike; ties by item id),
 * each with the seen item that contributed most (ties by that item's id).
 *
 * <p>Returns {@value #ROW}: the seen items in id order, and the recommendation with strategy {@code
 * similarity}; or, for a person without a single candidate, NULL lists and strategy {@code
 * popular}, which {@link PopularFillFunction} fills.
 */
@PublicEvolving
@FunctionHint(
        accumulator = @DataTypeHint(value = "RAW", bridgedTo = RecommendFunction.Accumulator.class),
        output = @DataTypeHint(RecommendFunction.ROW))
public final class RecommendFunction extends AggregateFunction<Row, RecommendFunction.Accumulator> {
    public static final String NAME = "recommend";

    static final String ROW =
            "ROW<items_seen ARRAY<STRING>, items_recommended ARRAY<STRING>, scores ARRAY<DOUBLE>,"
                    + " because ARRAY<STRING>, strategy STRING>";

    /** What the person saw, and each candidate's summed score and strongest contribution. */
    public static final class Accumulator implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public int n;
        public Set<String> seen = new HashSet<>();
        public Map<String, Double> score = new HashMap<>();
        public Map<String, String> because = new HashMap<>();
        public Map<String, Double> strongest = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(
            Accumulator acc, String seenItem, String[] neighbours, Double[] scores, Integer n) {
        if (seenItem == null) {
            return;
        }
        acc.n = n;
        acc.seen.add(seenItem);
        if (neighbours == null || scores == null) {
            return;
        }
        for (int k = 0; k < Math.min(neighbours.length, scores.length); k++) {
            String j = neighbours[k];
            Double s = scores[k];
            if (j != null && s != null) {
                contribute(acc, j, s, seenItem);
            }
        }
    }

    private static void contribute(Accumulator acc, String item, double s, String from) {
        acc.score.merge(item, s, Double::sum);
        Double best = acc.strongest.get(item);
        if (best == null || s > best || (s == best && from.compareTo(acc.because.get(item)) < 0)) {
            acc.strongest.put(item, s);
            acc.because.put(item, from);
        }
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        for (Accumulator other : others) {
            acc.n = Math.max(acc.n, other.n);
            acc.seen.addAll(other.seen);
            other.score.forEach((item, s) -> acc.score.merge(item, s, Double::sum));
            other.strongest.forEach(
                    (item, s) -> {
                        Double best = acc.strongest.get(item);
                        String from = other.because.get(item);
                        if (best == null
                                || s > best
                                || (s.doubleValue() == best
                                        && from.compareTo(acc.because.get(item)) < 0)) {
                            acc.strongest.put(item, s);
                            acc.because.put(item, from);
                        }
                    });
        }
    }

    @Override
    public Row getValue(Accumulator acc) {
        String[] seen = new TreeSet<>(acc.seen).toArray(new String[0]);
        List<Map.Entry<String, Double>> candidates = new ArrayList<>();
        acc.score.forEach(
                (item, s) -> {
                    if (!acc.seen.contains(item)) {
                        candidates.add(Map.entry(item, round12(s)));
                    }
                });
        if (candidates.isEmpty()) {
            return Row.of(seen, null, null, null, "popular");
        }
        candidates.sort(
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
        int size = Math.min(acc.n, candidates.size());
        String[] items = new String[size];
        Double[] scores = new Double[size];
        String[] because = new String[size];
        for (int k = 0; k < size; k++) {
            items[k] = candidates.get(k).getKey();
            scores[k] = candidates.get(k).getValue();
            because[k] = acc.because.get(items[k]);
        }
        return Row.of(seen, items, scores, because, "similarity");
    }

    /** As SQL's ROUND(x, 12) on a DOUBLE. */
    static double round12(double v) {
        return BigDecimal.valueOf(v).setScale(12, RoundingMode.HALF_UP).doubleValue();
    }
}
