package io.tributary.pipelines.testutils;

import io.tributary.udfs.retail.RankingMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The retail gold tables computed straight from ARCHITECTURE.md's definitions, in plain Java over
 * the valid events, to compare with what the pipeline's SQL wrote. Rows are formatted as {@link
 * Lake#rowsRounded} formats them, in the order the tests query them.
 */
public final class ReferenceRetail {
    /** A valid event as the silver table holds it; {@code order} is its arrival (file, line). */
    public static final class Event {
        final String eventId;
        final String personId;
        final String itemId;
        final String category;
        final LocalDate date;
        final boolean purchased;
        final BigDecimal price;
        final Integer quantity;
        final String order;

        public Event(
                String eventId,
                String personId,
                String itemId,
                String category,
                LocalDate date,
                boolean purchased,
                BigDecimal price,
                Integer quantity,
                String order) {
            this.eventId = eventId;
            this.personId = personId;
            this.itemId = itemId;
            this.category = category;
            this.date = date;
            this.purchased = purchased;
            this.price = price;
            this.quantity = quantity;
            this.order = order;
        }
    }

    /** The settings the definitions depend on. */
    public static final class Settings {
        public int neighbours = 20;
        public int minItems = 1;
        public int maxItems = 1_000;
        public double alpha1 = 15;
        public double alpha2 = 0;
        public double beta = 0.3;
        public int maxPersonsPerItem = 1_000;
        public int size = 10;
        public String algorithm = "cosine";
        public int holdoutDays = 7;
        public int k = 10;
    }

    private final List<Event> unique;
    private final Settings s;

    public ReferenceRetail(List<Event> events, Settings settings) {
        Map<String, Event> first = new HashMap<>();
        for (Event e : events) {
            first.merge(e.eventId, e, (a, b) -> a.order.compareTo(b.order) <= 0 ? a : b);
        }
        this.unique = new ArrayList<>(first.values());
        this.s = settings;
    }

    /** gold.retail_daily_kpis, by date. */
    public List<String> dailyKpis() {
        return kpis(e -> e.date.toString());
    }

    /** gold.retail_daily_category_kpis, by date and category. */
    public List<String> dailyCategoryKpis() {
        return kpis(e -> e.date + " | " + e.category);
    }

    private List<String> kpis(Function<Event, String> key) {
        Map<String, List<Event>> groups =
                unique.stream()
                        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<String> rows = new ArrayList<>();
        groups.forEach(
                (k, es) -> {
                    long people =
                            es.stream()
                                    .map(e -> e.personId)
                                    .filter(Objects::nonNull)
                                    .distinct()
                                    .count();
                    long items = es.stream().map(e -> e.itemId).distinct().count();
                    List<Event> bought =
                            es.stream().filter(e -> e.purchased).collect(Collectors.toList());
                    long sold = bought.stream().mapToLong(e -> e.quantity).sum();
                    BigDecimal revenue =
                            bought.stream()
                                    .map(e -> e.price.multiply(BigDecimal.valueOf(e.quantity)))
                                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                                    .setScale(4);
                    long buyers =
                            bought.stream()
                                    .map(e -> e.personId)
                                    .filter(Objects::nonNull)
                                    .distinct()
                                    .count();
                    rows.add(
                            String.join(
                                    " | ",
                                    k,
                                    String.valueOf(people),
                                    String.valueOf(es.size()),
                                    String.valueOf(items),
                                    String.valueOf(bought.size()),
                                    String.valueOf(sold),
                                    revenue.toPlainString(),
                                    String.valueOf(buyers),
                                    Lake.format(people == 0 ? null : (double) buyers / people),
                                    bought.isEmpty()
                                            ? "null"
                                            : revenue.divide(
                                                            BigDecimal.valueOf(bought.size()),
                                                            6,
                                                            RoundingMode.HALF_UP)
                                                    .setScale(4, RoundingMode.HALF_UP)
                                                    .toPlainString()));
                });
        return rows;
    }

    /** gold.retail_item_similarity ordered by algorithm, item, rank. */
    public List<String> similarity() {
        List<String> rows = new ArrayList<>();
        Model full = new Model(unique);
        for (String algorithm : List.of("cosine", "swing")) {
            full.neighbours(algorithm)
                    .forEach(
                            (item, list) -> {
                                for (int r = 0; r < list.size(); r++) {
                                    rows.add(
                                            String.join(
                                                    " | ",
                                                    algorithm,
                                                    item,
                                                    list.get(r).getKey(),
                                                    Lake.format(list.get(r).getValue()),
                                                    String.valueOf(r + 1)));
                                }
                            });
        }
        return rows;
    }

    /** gold.retail_recommendations ordered by person. */
    public List<String> recommendations() {
        Model full = new Model(unique);
        List<String> rows = new ArrayList<>();
        full.interactions.forEach(
                (person, seen) -> {
                    Recommended r = full.recommend(person, seen, s.algorithm, s.size);
                    rows.add(
                            String.join(
                                    " | ",
                                    person,
                                    Lake.format(new ArrayList<>(seen)),
                                    r.items.isEmpty() ? "null" : Lake.format(r.items),
                                    r.items.isEmpty() ? "null" : Lake.format(r.scores),
                                    r.items.isEmpty() ? "null" : Lake.format(r.because),
                                    r.strategy));
                });
        return rows;
    }

    /** gold.retail_recommendation_quality ordered by algorithm; empty without evaluated persons. */
    public List<String> quality() {
        LocalDate last =
                unique.stream().map(e -> e.date).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate start = last.minusDays(s.holdoutDays - 1L);
        List<Event> train =
                unique.stream().filter(e -> e.date.isBefore(start)).collect(Collectors.toList());
        Model model = new Model(train);
        Map<String, Set<String>> relevant = new TreeMap<>();
        for (Event e : unique) {
            if (!e.date.isBefore(start)
                    && e.purchased
                    && e.personId != null
                    && !model.interactions.getOrDefault(e.personId, Set.of()).contains(e.itemId)) {
                relevant.computeIfAbsent(e.personId, p -> new TreeSet<>()).add(e.itemId);
            }
        }
        relevant.keySet().retainAll(model.interactions.keySet());
        long trainItems = train.stream().map(e -> e.itemId).distinct().count();
        List<String> rows = new ArrayList<>();
        if (relevant.isEmpty()) {
            return rows;
        }
        for (String algorithm : List.of("cosine", "popular", "swing")) {
            double p = 0, r = 0, ap = 0, ndcg = 0, hit = 0;
            Set<String> covered = new TreeSet<>();
            for (Map.Entry<String, Set<String>> person : relevant.entrySet()) {
                Recommended rec =
                        model.recommend(
                                person.getKey(),
                                model.interactions.get(person.getKey()),
                                algorithm,
                                s.k);
                covered.addAll(rec.items);
                RankingMetrics m = RankingMetrics.at(rec.items, person.getValue(), s.k);
                p += m.precision;
                r += m.recall;
                ap += m.averagePrecision;
                ndcg += m.ndcg;
                hit += m.hit;
            }
            int n = relevant.size();
            rows.add(
                    String.join(
                            " | ",
                            algorithm,
                            String.valueOf(s.k),
                            Lake.format(p / n),
                            Lake.format(r / n),
                            Lake.format(ap / n),
                            Lake.format(ndcg / n),
                            Lake.format(hit / n),
                            Lake.format((double) covered.size() / trainItems),
                            String.valueOf(n),
                            start.toString()));
        }
        return rows;
    }

    private static final class Recommended {
        final List<String> items = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();
        final List<String> because = new ArrayList<>();
        String strategy = "popular";
    }

    /** Interactions, similarities and recommendations learnt from one set of events. */
    private final class Model {
        final Map<String, Set<String>> interactions = new TreeMap<>();
        final Map<String, Long> purchases = new HashMap<>();

        Model(List<Event> events) {
            for (Event e : events) {
                if (e.personId != null) {
                    interactions.computeIfAbsent(e.personId, p -> new TreeSet<>()).add(e.itemId);
                }
                if (e.purchased) {
                    purchases.merge(e.itemId, 1L, Long::sum);
                }
            }
        }

        Map<String, Set<String>> pool() {
            Map<String, Set<String>> pool = new TreeMap<>();
            interactions.forEach(
                    (p, items) -> {
                        if (items.size() >= s.minItems && items.size() <= s.maxItems) {
                            pool.put(p, items);
                        }
                    });
            return pool;
        }

        private final Map<String, Map<String, List<Map.Entry<String, Double>>>> neighbours =
                new HashMap<>();

        /** Each item's top K neighbours, ties by item id. */
        Map<String, List<Map.Entry<String, Double>>> neighbours(String algorithm) {
            return neighbours.computeIfAbsent(algorithm, this::computeNeighbours);
        }

        private Map<String, List<Map.Entry<String, Double>>> computeNeighbours(String algorithm) {
            Map<String, Map<String, Double>> scores =
                    algorithm.equals("cosine") ? cosine() : swing();
            Map<String, List<Map.Entry<String, Double>>> top = new TreeMap<>();
            scores.forEach(
                    (i, js) ->
                            top.put(
                                    i,
                                    js.entrySet().stream()
                                            .sorted(
                                                    Map.Entry.<String, Double>comparingByValue()
                                                            .reversed()
                                                            .thenComparing(
                                                                    Map.Entry.comparingByKey()))
                                            .limit(s.neighbours)
                                            .collect(Collectors.toList())));
            return top;
        }

        Map<String, Map<String, Double>> cosine() {
            Map<String, Set<String>> users = usersByItem();
            Map<String, Map<String, Double>> scores = new TreeMap<>();
            users.forEach(
                    (i, ui) ->
                            users.forEach(
                                    (j, uj) -> {
                                        if (!i.equals(j)) {
                                            long shared = ui.stream().filter(uj::contains).count();
                                            if (shared > 0) {
                                                scores.computeIfAbsent(i, x -> new TreeMap<>())
                                                        .put(
                                                                j,
                                                                shared
                                                                        / Math.sqrt(
                                                                                (double) ui.size()
                                                                                        * uj
                                                                                                .size()));
                                            }
                                        }
                                    }));
            return scores;
        }

        /**
         * As Flink ML's Swing walks it: per item, every pair of its (sampled) persons, their shared
         * items among those each is sampled for.
         */
        Map<String, Map<String, Double>> swing() {
            Map<String, Set<String>> full = pool();
            Map<String, Set<String>> users = new TreeMap<>();
            usersByItem()
                    .forEach(
                            (item, persons) ->
                                    users.put(
                                            item,
                                            persons.stream()
                                                    .sorted(
                                                            Comparator.comparing(
                                                                    p -> md5(p + "/" + item)))
                                                    .limit(s.maxPersonsPerItem)
                                                    .collect(
                                                            Collectors.toCollection(
                                                                    TreeSet::new))));
            Map<String, Set<String>> pool = new TreeMap<>();
            users.forEach(
                    (item, persons) ->
                            persons.forEach(
                                    p -> pool.computeIfAbsent(p, x -> new TreeSet<>()).add(item)));
            Map<String, Map<String, Double>> scores = new TreeMap<>();
            users.forEach(
                    (i, ui) -> {
                        List<String> persons = new ArrayList<>(ui);
                        for (int a = 0; a < persons.size(); a++) {
                            for (int b = a + 1; b < persons.size(); b++) {
                                Set<String> iu = pool.get(persons.get(a));
                                Set<String> iv = pool.get(persons.get(b));
                                Set<String> common = new TreeSet<>(iu);
                                common.retainAll(iv);
                                double weight =
                                        Math.pow(
                                                        s.alpha1 + full.get(persons.get(a)).size(),
                                                        -s.beta)
                                                * Math.pow(
                                                        s.alpha1 + full.get(persons.get(b)).size(),
                                                        -s.beta)
                                                / (s.alpha2 + common.size());
                                for (String j : common) {
                                    if (!j.equals(i)) {
                                        scores.computeIfAbsent(i, x -> new TreeMap<>())
                                                .merge(j, weight, Double::sum);
                                    }
                                }
                            }
                        }
                    });
            scores.values().forEach(m -> m.replaceAll((j, v) -> round12(v)));
            return scores;
        }

        Map<String, Set<String>> usersByItem() {
            Map<String, Set<String>> users = new TreeMap<>();
            pool().forEach(
                            (p, items) ->
                                    items.forEach(
                                            i ->
                                                    users.computeIfAbsent(i, x -> new TreeSet<>())
                                                            .add(p)));
            return users;
        }

        Recommended recommend(String person, Set<String> seen, String algorithm, int n) {
            Recommended out = new Recommended();
            if (!algorithm.equals("popular")) {
                Map<String, List<Map.Entry<String, Double>>> lists = neighbours(algorithm);
                Map<String, Double> score = new HashMap<>();
                Map<String, Map.Entry<String, Double>> strongest = new HashMap<>();
                for (String i : seen) {
                    for (Map.Entry<String, Double> nb : lists.getOrDefault(i, List.of())) {
                        String j = nb.getKey();
                        if (seen.contains(j)) {
                            continue;
                        }
                        score.merge(j, nb.getValue(), Double::sum);
                        Map.Entry<String, Double> best = strongest.get(j);
                        if (best == null
                                || nb.getValue() > best.getValue()
                                || (nb.getValue().equals(best.getValue())
                                        && i.compareTo(best.getKey()) < 0)) {
                            strongest.put(j, Map.entry(i, nb.getValue()));
                        }
                    }
                }
                score.replaceAll((j, v) -> round12(v));
                score.entrySet().stream()
                        .sorted(
                                Map.Entry.<String, Double>comparingByValue()
                                        .reversed()
                                        .thenComparing(Map.Entry.comparingByKey()))
                        .limit(n)
                        .forEach(
                                e -> {
                                    out.items.add(e.getKey());
                                    out.scores.add(e.getValue());
                                    out.because.add(strongest.get(e.getKey()).getKey());
                                });
                if (!out.items.isEmpty()) {
                    out.strategy = "similarity";
                    return out;
                }
            }
            purchases.entrySet().stream()
                    .filter(e -> !seen.contains(e.getKey()))
                    .sorted(
                            Map.Entry.<String, Long>comparingByValue()
                                    .reversed()
                                    .thenComparing(Map.Entry.comparingByKey()))
                    .limit(n)
                    .forEach(
                            e -> {
                                out.items.add(e.getKey());
                                out.scores.add((double) e.getValue());
                                out.because.add(null);
                            });
            return out;
        }
    }

    private static String md5(String text) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("MD5")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round12(double v) {
        return BigDecimal.valueOf(v).setScale(12, RoundingMode.HALF_UP).doubleValue();
    }

    /** A copy keyed for lookups by the tests. */
    public static Map<String, Event> byId(List<Event> events) {
        Map<String, Event> m = new LinkedHashMap<>();
        events.forEach(e -> m.putIfAbsent(e.eventId, e));
        return m;
    }
}
