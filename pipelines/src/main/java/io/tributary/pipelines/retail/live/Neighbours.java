package io.tributary.pipelines.retail.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** An item's ranked neighbours by one algorithm: best first, ties by item id. */
final class Neighbours {
    static final Neighbours NONE = new Neighbours(new String[0], new Double[0]);

    final String[] items;
    final Double[] scores;

    Neighbours(String[] items, Double[] scores) {
        this.items = items;
        this.scores = scores;
    }

    /** The {@code k} best of {@code scores} by score, then item id. */
    static Neighbours top(Map<String, Double> scores, int k) {
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
        int size = Math.min(k, ranked.size());
        String[] items = new String[size];
        Double[] values = new Double[size];
        for (int r = 0; r < size; r++) {
            items[r] = ranked.get(r).getKey();
            values[r] = ranked.get(r).getValue();
        }
        return new Neighbours(items, values);
    }

    int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Neighbours
                && Arrays.equals(items, ((Neighbours) o).items)
                && Arrays.equals(scores, ((Neighbours) o).scores);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }
}
