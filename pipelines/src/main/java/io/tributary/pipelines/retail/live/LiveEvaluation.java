package io.tributary.pipelines.retail.live;

import io.tributary.pipelines.retail.SimilarityAlgorithm;
import io.tributary.udfs.retail.RankingMetrics;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.types.Row;

/**
 * {@code gold.retail_recommendation_quality} kept from the same changelog as the model: the holdout
 * is the last H days up to the latest event date; a second {@link IncrementalModel} learns from the
 * events before it (and is handed the events of a day the holdout lets go, or takes back when the
 * latest date retreats); relevant items are each person's holdout purchases of items they had not
 * seen before it. At a refresh that follows any change, the metrics are recomputed for the
 * evaluated persons — those with a training interaction and a relevant item, a small part of all
 * persons — as view.retail_quality computes them, and the three rows that changed are emitted.
 */
final class LiveEvaluation {
    /** The algorithms evaluated, in the table's order; null is popularity alone. */
    private static final Map<String, SimilarityAlgorithm> ALGORITHMS = new LinkedHashMap<>();

    static {
        ALGORITHMS.put(SimilarityAlgorithm.COSINE.toString(), SimilarityAlgorithm.COSINE);
        ALGORITHMS.put(SimilarityAlgorithm.SWING.toString(), SimilarityAlgorithm.SWING);
        ALGORITHMS.put("popular", null);
    }

    /** One unique event as the evaluation keeps it, so that it can cross the holdout's edge. */
    static final class Event {
        final String person;
        final String item;
        final boolean purchased;

        Event(String person, String item, boolean purchased) {
            this.person = person;
            this.item = item;
            this.purchased = purchased;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Event
                    && Objects.equals(person, ((Event) o).person)
                    && item.equals(((Event) o).item)
                    && purchased == ((Event) o).purchased;
        }

        @Override
        public int hashCode() {
            return Objects.hash(person, item, purchased);
        }
    }

    private final ModelSettings settings;
    final IncrementalModel train;

    /** Every unique event by date, counted: the holdout's edge moves whole days across. */
    final TreeMap<LocalDate, Map<Event, Integer>> days = new TreeMap<>();

    private LocalDate holdoutStart;

    /** Training events per item, anonymous ones included: the coverage's denominator. */
    private final Map<String, Integer> trainItems = new HashMap<>();

    /** Each person's holdout purchases: item → purchase events. */
    private final Map<String, Map<String, Integer>> holdoutPurchases = new HashMap<>();

    private boolean changed;

    /** The rows the sink holds, by algorithm. */
    final Map<String, Row> emitted = new HashMap<>();

    LiveEvaluation(ModelSettings settings) {
        this.settings = settings;
        this.train = new IncrementalModel(settings, false);
    }

    void apply(String person, String item, boolean purchased, LocalDate date, int sign) {
        if (item == null || date == null) {
            return;
        }
        Event event = new Event(person, item, purchased);
        changed = true;
        if (sign < 0) {
            Map<Event, Integer> day = days.get(date);
            if (day == null || !day.containsKey(event)) {
                return; // a retraction of an event never counted
            }
            day.merge(event, -1, LiveEvaluation::sum);
            if (day.isEmpty()) {
                days.remove(date);
            }
            place(event, date, -1, holdoutStart);
            moveEdgeTo(startBy(days.isEmpty() ? null : days.lastKey()));
        } else {
            LocalDate last = days.isEmpty() || date.isAfter(days.lastKey()) ? date : days.lastKey();
            moveEdgeTo(startBy(last));
            days.computeIfAbsent(date, d -> new HashMap<>()).merge(event, 1, LiveEvaluation::sum);
            place(event, date, 1, holdoutStart);
        }
    }

    /** The holdout's first day when the latest event date is {@code last}. */
    private LocalDate startBy(LocalDate last) {
        return last == null ? null : last.minusDays(settings.holdoutDays - 1);
    }

    /** Moves the holdout's edge: the days between the old and the new edge change sides. */
    private void moveEdgeTo(LocalDate start) {
        if (Objects.equals(start, holdoutStart)) {
            return;
        }
        for (Map.Entry<LocalDate, Map<Event, Integer>> day : days.entrySet()) {
            if (training(day.getKey(), holdoutStart) != training(day.getKey(), start)) {
                day.getValue()
                        .forEach(
                                (e, count) -> {
                                    place(e, day.getKey(), -count, holdoutStart);
                                    place(e, day.getKey(), count, start);
                                });
            }
        }
        holdoutStart = start;
    }

    private static boolean training(LocalDate date, LocalDate holdoutStart) {
        return holdoutStart != null && date.isBefore(holdoutStart);
    }

    /** Counts {@code count} events in training or in the holdout, by their side of the edge. */
    private void place(Event event, LocalDate date, int count, LocalDate start) {
        if (training(date, start)) {
            for (int n = 0; n < Math.abs(count); n++) {
                train.apply(event.person, event.item, event.purchased, Integer.signum(count));
            }
            trainItems.merge(event.item, count, LiveEvaluation::sum);
        } else if (event.purchased && event.person != null) {
            Map<String, Integer> bought =
                    holdoutPurchases.computeIfAbsent(event.person, p -> new HashMap<>());
            bought.merge(event.item, count, LiveEvaluation::sum);
            if (bought.isEmpty()) {
                holdoutPurchases.remove(event.person);
            }
        }
    }

    /** A count's merge that drops the key at zero. */
    private static Integer sum(Integer a, Integer b) {
        return a + b == 0 ? null : a + b;
    }

    /** After a restore replayed the days: the training model learnt, the rows as the sink holds. */
    void restored() {
        train.refresh(NOWHERE);
        changed = false;
    }

    /** The training model's rows go nowhere: only its neighbour lists are used. */
    private static final IncrementalModel.Emitter NOWHERE =
            new IncrementalModel.Emitter() {
                @Override
                public void similarity(Row row) {}

                @Override
                public void recommendation(Row row) {}
            };

    /** Recomputes the quality rows after any change and emits those that moved. */
    void refresh(java.util.function.Consumer<Row> out) {
        IncrementalModel.Refreshed trained = train.refresh(NOWHERE);
        if (!changed && trained.items + trained.persons == 0) {
            return;
        }
        changed = false;
        Map<String, Row> now = quality();
        for (String algorithm : ALGORITHMS.keySet()) {
            Row after = now.get(algorithm);
            if (RowChanges.replace(emitted.get(algorithm), after, out)) {
                if (after == null) {
                    emitted.remove(algorithm);
                } else {
                    emitted.put(algorithm, after);
                }
            }
        }
    }

    private Map<String, Row> quality() {
        Map<String, Set<String>> relevant = new TreeMap<>();
        holdoutPurchases.forEach(
                (person, bought) -> {
                    Set<String> seen = train.graph.items(person);
                    if (seen.isEmpty()) {
                        return;
                    }
                    Set<String> fresh = new HashSet<>(bought.keySet());
                    fresh.removeAll(seen);
                    if (!fresh.isEmpty()) {
                        relevant.put(person, fresh);
                    }
                });
        Map<String, Row> rows = new HashMap<>();
        if (relevant.isEmpty()) {
            return rows;
        }
        int k = settings.evalK;
        for (Map.Entry<String, SimilarityAlgorithm> algorithm : ALGORITHMS.entrySet()) {
            double[] sums = new double[5];
            Set<String> recommended = new HashSet<>();
            relevant.forEach(
                    (person, items) -> {
                        String[] list =
                                (String[])
                                        train.recommendation(person, algorithm.getValue(), k)
                                                .getField(1);
                        List<String> ranked = list == null ? List.of() : Arrays.asList(list);
                        recommended.addAll(ranked);
                        RankingMetrics m = RankingMetrics.at(ranked, items, k);
                        sums[0] += m.precision;
                        sums[1] += m.recall;
                        sums[2] += m.averagePrecision;
                        sums[3] += m.ndcg;
                        sums[4] += m.hit;
                    });
            double n = relevant.size();
            rows.put(
                    algorithm.getKey(),
                    Row.of(
                            algorithm.getKey(),
                            k,
                            sums[0] / n,
                            sums[1] / n,
                            sums[2] / n,
                            sums[3] / n,
                            sums[4] / n,
                            (double) recommended.size() / trainItems.size(),
                            (long) relevant.size(),
                            holdoutStart));
        }
        return rows;
    }
}
