package io.tributary.udfs.retail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * {@code popular_fill(recommendation, popular_items, purchases, n)}: a {@link RecommendFunction}
 * result as it is when it has candidates; otherwise the {@code n} first of the popular items (most
 * purchased first, ties by item id) the person has not seen, scored by their purchases, with no
 * "because". A person who has seen every popular item keeps NULL lists.
 */
@PublicEvolving
public final class PopularFillFunction extends ScalarFunction {
    public static final String NAME = "popular_fill";

    public @DataTypeHint(RecommendFunction.ROW) Row eval(
            @DataTypeHint(RecommendFunction.ROW) Row recommendation,
            String[] popularItems,
            Double[] purchases,
            Integer n) {
        if (recommendation == null || !"popular".equals(recommendation.getField(4))) {
            return recommendation;
        }
        String[] seenItems = (String[]) recommendation.getField(0);
        Set<String> seen = new HashSet<>(seenItems == null ? List.of() : Arrays.asList(seenItems));
        List<String> items = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int k = 0; popularItems != null && k < popularItems.length && items.size() < n; k++) {
            if (!seen.contains(popularItems[k])) {
                items.add(popularItems[k]);
                scores.add(purchases[k]);
            }
        }
        if (items.isEmpty()) {
            return recommendation;
        }
        return Row.of(
                seenItems,
                items.toArray(new String[0]),
                scores.toArray(new Double[0]),
                new String[items.size()],
                "popular");
    }
}
