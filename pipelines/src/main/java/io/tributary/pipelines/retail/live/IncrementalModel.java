package io.tributary.pipelines.retail.live;

import io.tributary.pipelines.retail.SimilarityAlgorithm;
import io.tributary.udfs.retail.PopularFillFunction;
import io.tributary.udfs.retail.RecommendFunction;
import io.tributary.udfs.retail.SwingScoresFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * The full model of docs/retail.md — both similarities' top K per item and a recommendation per
 * identified person — kept current from a changelog of unique events. Events only mark what they
 * made stale ({@link Dirty}); {@link #refresh} recomputes exactly that, with the batch SQL's own
 * functions ({@link SwingScoresFunction}, {@link RecommendFunction}, {@link PopularFillFunction})
 * and its formulas, and emits the rows that changed as retractions and insertions. So a drained
 * stream ends where one batch run over the same events does, and a refresh costs what the changed
 * interactions touch, not the catalogue.
 */
final class IncrementalModel {
    /** Where the changed rows go: {@code gold.retail_item_similarity}'s and recommendations'. */
    interface Emitter {
        void similarity(Row row);

        void recommendation(Row row);
    }

    final ModelSettings settings;
    final Dirty dirty = new Dirty();
    final InteractionGraph graph;

    /** What the sink holds: each item's neighbours per algorithm, each person's row. */
    final Map<SimilarityAlgorithm, Map<String, Neighbours>> emitted =
            new EnumMap<>(SimilarityAlgorithm.class);

    final Map<String, Row> recommendations = new HashMap<>();

    /**
     * For each item, the items whose cosine list holds it: when its pool grows its score with them
     * falls, and only those lists can change.
     */
    private final Map<String, Set<String>> cosineListedBy = new HashMap<>();

    /** Persons whose row has strategy 'popular': they follow the popular list. */
    private final Set<String> popularPersons = new HashSet<>();

    private String[] popularItems = new String[0];
    private Double[] popularCounts = new Double[0];

    /** Whether this model keeps a recommendation per person (the evaluation's asks its own). */
    private final boolean recommends;

    IncrementalModel(ModelSettings settings) {
        this(settings, true);
    }

    IncrementalModel(ModelSettings settings, boolean recommends) {
        this.settings = settings;
        this.recommends = recommends;
        this.graph = new InteractionGraph(settings, dirty);
        for (SimilarityAlgorithm algorithm : SimilarityAlgorithm.values()) {
            emitted.put(algorithm, new HashMap<>());
        }
    }

    void apply(String person, String item, boolean purchased, int sign) {
        graph.apply(person, item, purchased, sign);
    }

    /** What one refresh recomputed, and how many rows it emitted. */
    static final class Refreshed {
        int items;
        int persons;
        long rows;
    }

    /** Recomputes what is stale and emits the rows that changed. */
    Refreshed refresh(Emitter out) {
        Refreshed refreshed = new Refreshed();
        if (dirty.isEmpty()) {
            return refreshed;
        }
        Emitter counting =
                new Emitter() {
                    @Override
                    public void similarity(Row row) {
                        refreshed.rows++;
                        out.similarity(row);
                    }

                    @Override
                    public void recommendation(Row row) {
                        refreshed.rows++;
                        out.recommendation(row);
                    }
                };
        Set<String> cosine = new HashSet<>(dirty.cosine);
        for (String grown : dirty.grown) {
            cosine.addAll(cosineListedBy.getOrDefault(grown, Set.of()));
        }
        for (String shrunk : dirty.shrunk) {
            for (String person : graph.pool(shrunk).persons()) {
                cosine.addAll(graph.items(person));
            }
        }
        // Each list and each person is computed from state nobody writes meanwhile, so on all
        // cores; what changed is then emitted, and the state updated, in this thread.
        Map<String, Neighbours> cosines = computeAll(cosine, this::cosine);
        cosines.forEach((item, list) -> publish(SimilarityAlgorithm.COSINE, item, list, counting));
        Map<String, String[]> swingSets = new ConcurrentHashMap<>();
        Map<String, Neighbours> swings = computeAll(dirty.swing, item -> swing(item, swingSets));
        swings.forEach((item, list) -> publish(SimilarityAlgorithm.SWING, item, list, counting));
        if (dirty.popular) {
            rankPopular();
            dirty.persons.addAll(popularPersons);
        }
        if (recommends) {
            computeAll(dirty.persons, person -> Optional.ofNullable(rowOf(person)))
                    .forEach((person, row) -> recommend(person, row.orElse(null), counting));
        }
        refreshed.items = cosine.size() + dirty.swing.size();
        refreshed.persons = dirty.persons.size();
        dirty.clear();
        return refreshed;
    }

    /** {@code compute} of every key, in parallel. */
    private static <V> Map<String, V> computeAll(Set<String> keys, Function<String, V> compute) {
        return keys.parallelStream()
                .collect(Collectors.toConcurrentMap(Function.identity(), compute));
    }

    /** Cosine: |U_i ∩ U_j| ÷ √(|U_i|·|U_j|), as view.retail_cosine computes it. */
    private Neighbours cosine(String item) {
        ItemPool pool = graph.pool(item);
        Map<String, Integer> shared = new HashMap<>();
        for (String person : pool.persons()) {
            for (String other : graph.items(person)) {
                if (!other.equals(item)) {
                    shared.merge(other, 1, Integer::sum);
                }
            }
        }
        double persons = pool.size();
        Map<String, Double> scores = new HashMap<>();
        shared.forEach(
                (other, count) ->
                        scores.put(
                                other,
                                (double) count
                                        / Math.sqrt(persons * (double) graph.pool(other).size())));
        return Neighbours.top(scores, settings.neighbours);
    }

    /** Swing over the item's sampled persons and their Swing sets, as view.retail_swing does. */
    private Neighbours swing(String item, Map<String, String[]> swingSets) {
        SwingScoresFunction swing = new SwingScoresFunction();
        SwingScoresFunction.Accumulator acc = swing.createAccumulator();
        for (String person : graph.pool(item).sampled()) {
            String[] set = swingSets.computeIfAbsent(person, this::swingSet);
            swing.accumulate(
                    acc,
                    item,
                    person,
                    set,
                    (long) graph.items(person).size(),
                    settings.alpha1,
                    settings.alpha2,
                    settings.beta);
        }
        Map<String, Double> scores = new HashMap<>();
        for (Row row : swing.getValue(acc)) {
            scores.put(row.getFieldAs(0), row.getFieldAs(1));
        }
        return Neighbours.top(scores, settings.neighbours);
    }

    /** The person's pooled items whose Swing sample the person is in. */
    private String[] swingSet(String person) {
        List<String> set = new ArrayList<>();
        for (String item : graph.pooledItems(person)) {
            if (graph.pool(item).sampled(person, item)) {
                set.add(item);
            }
        }
        return set.toArray(new String[0]);
    }

    private void publish(SimilarityAlgorithm algorithm, String item, Neighbours now, Emitter out) {
        Map<String, Neighbours> held = emitted.get(algorithm);
        Neighbours before = held.getOrDefault(item, Neighbours.NONE);
        if (before.equals(now)) {
            return;
        }
        for (int r = 0; r < Math.max(before.size(), now.size()); r++) {
            boolean same =
                    r < before.size()
                            && r < now.size()
                            && before.items[r].equals(now.items[r])
                            && before.scores[r].equals(now.scores[r]);
            if (same) {
                continue;
            }
            if (r < before.size()) {
                out.similarity(similarityRow(RowKind.DELETE, item, before, r, algorithm));
            }
            if (r < now.size()) {
                out.similarity(similarityRow(RowKind.INSERT, item, now, r, algorithm));
            }
        }
        if (now.size() == 0) {
            held.remove(item);
        } else {
            held.put(item, now);
        }
        if (algorithm == SimilarityAlgorithm.COSINE) {
            index(item, before, now);
        }
        if (algorithm == settings.algorithm) {
            dirty.persons.addAll(graph.seers(item));
        }
    }

    private void index(String item, Neighbours before, Neighbours now) {
        for (String listed : before.items) {
            Set<String> by = cosineListedBy.get(listed);
            if (by != null && by.remove(item) && by.isEmpty()) {
                cosineListedBy.remove(listed);
            }
        }
        for (String listed : now.items) {
            cosineListedBy.computeIfAbsent(listed, l -> new HashSet<>()).add(item);
        }
    }

    private static Row similarityRow(
            RowKind kind, String item, Neighbours list, int r, SimilarityAlgorithm algorithm) {
        return Row.ofKind(kind, item, list.items[r], list.scores[r], r + 1, algorithm.toString());
    }

    /** Items by purchase events, most first, ties by item id (view.retail_popular). */
    private void rankPopular() {
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(graph.purchases().entrySet());
        ranked.removeIf(e -> e.getValue() <= 0);
        ranked.sort(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
        popularItems = new String[ranked.size()];
        popularCounts = new Double[ranked.size()];
        for (int r = 0; r < ranked.size(); r++) {
            popularItems[r] = ranked.get(r).getKey();
            popularCounts[r] = (double) ranked.get(r).getValue();
        }
    }

    /** The person's row as view.retail_recommended makes it: recommend, then popular_fill. */
    /** The person's row of retail_full_recommended; null for a person without any item. */
    private Row rowOf(String person) {
        if (graph.items(person).isEmpty()) {
            return null;
        }
        Row r = recommendation(person, settings.algorithm, settings.size);
        return Row.of(
                person,
                settings.algorithm.toString(),
                r.getField(0),
                r.getField(1),
                r.getField(2),
                r.getField(3),
                r.getField(4));
    }

    /** Emits a person's row if it changed, and holds it. */
    private void recommend(String person, Row now, Emitter out) {
        if (!RowChanges.replace(recommendations.get(person), now, out::recommendation)) {
            return;
        }
        if (now == null) {
            recommendations.remove(person);
            popularPersons.remove(person);
        } else {
            recommendations.put(person, now);
            if ("popular".equals(now.getField(6))) {
                popularPersons.add(person);
            } else {
                popularPersons.remove(person);
            }
        }
    }

    /**
     * A person's recommendation by {@code algorithm}'s neighbour lists, or by popularity alone when
     * it is null: {@code recommend}, then {@code popular_fill}, as view.retail_recommended.
     */
    Row recommendation(String person, SimilarityAlgorithm algorithm, int size) {
        RecommendFunction recommend = new RecommendFunction();
        RecommendFunction.Accumulator acc = recommend.createAccumulator();
        Map<String, Neighbours> neighbours = algorithm == null ? Map.of() : emitted.get(algorithm);
        for (String item : graph.items(person)) {
            Neighbours list = neighbours.get(item);
            recommend.accumulate(
                    acc,
                    item,
                    list == null ? null : list.items,
                    list == null ? null : list.scores,
                    size);
        }
        return new PopularFillFunction()
                .eval(recommend.getValue(acc), popularItems, popularCounts, size);
    }

    /** After a restore: which persons follow the popular list, and the list itself. */
    void restored() {
        cosineListedBy.clear();
        emitted.get(SimilarityAlgorithm.COSINE)
                .forEach((item, list) -> index(item, Neighbours.NONE, list));
        popularPersons.clear();
        recommendations.forEach(
                (person, row) -> {
                    if ("popular".equals(row.getField(6))) {
                        popularPersons.add(person);
                    }
                });
        rankPopular();
    }
}
