package io.tributary.udfs.retail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * {@code swing_scores(item, person, person_set, person_items, alpha1, alpha2, beta)}, grouped by
 * item: the Swing similarity of the group's item {@code i} to every item it shares a pair of
 * persons with, as Alibaba's Swing defines it —
 *
 * <pre>
 *   s(i, j) = Σ over pairs u &lt; v of U_i with j ∈ I_u ∩ I_v:  w_u · w_v ÷ (α₂ + |I_u ∩ I_v|),
 *   w_u = (α₁ + |I_u|)^-β
 * </pre>
 *
 * where {@code person_set} is the person's items in Swing's (sampled) pool and {@code person_items}
 * their count of distinct items before sampling, which the weight uses. Each row is one person of
 * the item. Scores are rounded to 12 decimals, so that sums taken in any order rank alike.
 *
 * <p>Walking each item's pairs of persons here, in memory, costs Σ over items of (sampled persons)²
 * set intersections, as Flink ML's Swing does; the same formula as joins shuffles a row per (pair
 * of persons, shared item) and then one per (pair of persons, pair of items).
 */
@PublicEvolving
@FunctionHint(
        accumulator =
                @DataTypeHint(value = "RAW", bridgedTo = SwingScoresFunction.Accumulator.class),
        output = @DataTypeHint("ARRAY<ROW<similar_item_id STRING, score DOUBLE>>"))
public final class SwingScoresFunction
        extends AggregateFunction<Row[], SwingScoresFunction.Accumulator> {
    public static final String NAME = "swing_scores";

    /** The group's item and its persons. */
    public static final class Accumulator implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public String item;
        public double alpha2;
        public List<Member> members = new ArrayList<>();
    }

    /** One person of the item: their pool items and their weight w_u. */
    public static final class Member implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public String person;
        public String[] set;
        public double weight;

        public Member() {}

        Member(String person, String[] set, double weight) {
            this.person = person;
            this.set = set;
            this.weight = weight;
        }
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(
            Accumulator acc,
            String item,
            String person,
            String[] personSet,
            Long personItems,
            Double alpha1,
            Double alpha2,
            Double beta) {
        if (item == null || person == null || personSet == null || personItems == null) {
            return;
        }
        acc.item = item;
        acc.alpha2 = alpha2;
        acc.members.add(new Member(person, personSet, Math.pow(alpha1 + personItems, -beta)));
    }

    /** A person no longer among the item's (a stream retracting the row). */
    public void retract(
            Accumulator acc,
            String item,
            String person,
            String[] personSet,
            Long personItems,
            Double alpha1,
            Double alpha2,
            Double beta) {
        for (int at = 0; at < acc.members.size(); at++) {
            if (acc.members.get(at).person.equals(person)) {
                acc.members.remove(at);
                return;
            }
        }
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        for (Accumulator other : others) {
            if (other.item != null) {
                acc.item = other.item;
                acc.alpha2 = other.alpha2;
                acc.members.addAll(other.members);
            }
        }
    }

    @Override
    public Row[] getValue(Accumulator acc) {
        if (acc.item == null || acc.members.isEmpty()) {
            return new Row[0];
        }
        // Items as small ints, each person's set sorted: intersections become merges of int arrays.
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[][] sets = new int[acc.members.size()][];
        for (int p = 0; p < sets.length; p++) {
            String[] items = acc.members.get(p).set;
            int[] set = new int[items.length];
            for (int k = 0; k < items.length; k++) {
                set[k] =
                        ids.computeIfAbsent(
                                items[k],
                                name -> {
                                    names.add(name);
                                    return names.size() - 1;
                                });
            }
            Arrays.sort(set);
            sets[p] = set;
        }
        int self = ids.getOrDefault(acc.item, -1);
        double[] scores = new double[names.size()];
        int[] common = new int[names.size()];
        for (int a = 0; a < sets.length; a++) {
            for (int b = a + 1; b < sets.length; b++) {
                int shared = intersect(sets[a], sets[b], common);
                if (shared < 2) {
                    continue; // only the group's own item: no pair to score
                }
                double add =
                        acc.members.get(a).weight
                                * acc.members.get(b).weight
                                / (acc.alpha2 + shared);
                for (int k = 0; k < shared; k++) {
                    if (common[k] != self) {
                        scores[common[k]] += add;
                    }
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (int j = 0; j < scores.length; j++) {
            if (j != self && scores[j] != 0) {
                out.add(Row.of(names.get(j), Scores.round12(scores[j])));
            }
        }
        return out.toArray(new Row[0]);
    }

    /** The common values of two sorted sets (without repeats) into {@code out}; their number. */
    static int intersect(int[] x, int[] y, int[] out) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                if (n == 0 || out[n - 1] != x[i]) {
                    out[n++] = x[i];
                }
                i++;
                j++;
            }
        }
        return n;
    }
}
