package io.tributary.udfs.retail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Each seen item with its neighbour list; sums are taken when the value is asked for. */
    public static final class Accumulator implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public int n;
        public Map<String, Neighbours> seen = new HashMap<>();
    }

    /** One seen item's ranked neighbours and their scores. */
    public static final class Neighbours implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public String[] items;
        public Double[] scores;

        public Neighbours() {
            this(null, null);
        }

        Neighbours(String[] items, Double[] scores) {
            this.items = items == null ? new String[0] : items;
            this.scores = scores == null ? new Double[0] : scores;
        }
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(
            Accumulator acc, String seenItem, String[] neighbours, Double[] scores, Integer n) {
        if (seenItem != null) {
            acc.n = n;
            acc.seen.put(seenItem, new Neighbours(neighbours, scores));
        }
    }

    /** A seen item no longer seen (a stream retracting the row): its contributions go too. */
    public void retract(
            Accumulator acc, String seenItem, String[] neighbours, Double[] scores, Integer n) {
        if (seenItem != null) {
            acc.seen.remove(seenItem);
        }
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        for (Accumulator other : others) {
            acc.n = Math.max(acc.n, other.n);
            acc.seen.putAll(other.seen);
        }
    }

    @Override
    public Row getValue(Accumulator acc) {
        String[] seen = new TreeSet<>(acc.seen.keySet()).toArray(new String[0]);
        Map<String, Double> score = new HashMap<>();
        Map<String, String> because = new HashMap<>();
        Map<String, Double> strongest = new HashMap<>();
        for (String from : seen) {
            Neighbours nb = acc.seen.get(from);
            for (int k = 0; k < Math.min(nb.items.length, nb.scores.length); k++) {
                String item = nb.items[k];
                Double s = nb.scores[k];
                if (item == null || s == null || acc.seen.containsKey(item)) {
                    continue;
                }
                score.merge(item, s, Double::sum);
                // seen items are walked in id order: a tie keeps the smaller one
                Double best = strongest.get(item);
                if (best == null || s > best) {
                    strongest.put(item, s);
                    because.put(item, from);
                }
            }
        }
        if (score.isEmpty()) {
            return Row.of(seen, null, null, null, "popular");
        }
        List<Map.Entry<String, Double>> candidates = new ArrayList<>();
        score.forEach((item, s) -> candidates.add(Map.entry(item, Scores.round12(s))));
        candidates.sort(
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
        int size = Math.min(acc.n, candidates.size());
        String[] items = new String[size];
        Double[] scores = new Double[size];
        String[] from = new String[size];
        for (int k = 0; k < size; k++) {
            items[k] = candidates.get(k).getKey();
            scores[k] = candidates.get(k).getValue();
            from[k] = because.get(items[k]);
        }
        return Row.of(seen, items, scores, from, "similarity");
    }
}
