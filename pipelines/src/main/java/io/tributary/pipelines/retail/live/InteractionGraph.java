package io.tributary.pipelines.retail.live;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The interactions the models are learnt from, kept as events arrive and are retracted: each
 * identified person's items I_u (with how many events made each), each item's persons (all, for
 * whose recommendation it feeds; and its {@link ItemPool} of similarity's pool), and each item's
 * purchase events. Every change says in {@link Dirty} what it made stale.
 */
final class InteractionGraph {
    private final ModelSettings settings;
    private final Map<String, Map<String, Integer>> persons = new HashMap<>();
    private final Map<String, Set<String>> seers = new HashMap<>();
    private final Map<String, ItemPool> pools = new HashMap<>();
    private final Map<String, Long> purchases = new HashMap<>();
    private final Dirty dirty;

    InteractionGraph(ModelSettings settings, Dirty dirty) {
        this.settings = settings;
        this.dirty = dirty;
    }

    /** One unique event arriving ({@code sign} 1) or retracted (-1). */
    void apply(String person, String item, boolean purchased, int sign) {
        if (item == null) {
            return;
        }
        if (purchased) {
            purchases.merge(item, (long) sign, (a, b) -> a + b == 0 ? null : a + b);
            dirty.popular = true;
        }
        if (person == null) {
            return; // anonymous: counted in popularity, never in interactions
        }
        Map<String, Integer> items = persons.computeIfAbsent(person, p -> new HashMap<>());
        int before = items.getOrDefault(item, 0);
        int after = before + sign;
        if (after > 0) {
            items.put(item, after);
        } else {
            items.remove(item);
        }
        if ((before > 0) == (after > 0)) {
            return; // another event of an interaction already there, or not yet gone
        }
        int size = items.size();
        int sizeBefore = size + (after > 0 ? -1 : 1);
        if (items.isEmpty()) {
            persons.remove(person);
        }
        dirty.persons.add(person);
        if (after > 0) {
            seers.computeIfAbsent(item, i -> new HashSet<>()).add(person);
        } else {
            forget(seers, item, person);
        }
        repool(person, item, items, after > 0, settings.inPool(sizeBefore), settings.inPool(size));
    }

    /** Similarity's pool after I_u gained or lost {@code item}. */
    private void repool(
            String person,
            String item,
            Map<String, Integer> items,
            boolean gained,
            boolean wasPooled,
            boolean isPooled) {
        if (!wasPooled && !isPooled) {
            return;
        }
        // Every pair in I_u (before and after) changed its co-count or its weight.
        dirty.cosine.addAll(items.keySet());
        dirty.cosine.add(item);
        dirty.swing.addAll(items.keySet());
        dirty.swing.add(item);
        if (wasPooled && isPooled) {
            if (gained) {
                join(person, item);
            } else {
                leave(person, item);
            }
        } else if (isPooled) {
            items.keySet().forEach(i -> join(person, i));
        } else {
            // Out of the pool: what it held is I_u before this change.
            items.keySet().stream()
                    .filter(i -> !gained || !i.equals(item))
                    .forEach(i -> leave(person, i));
            if (!gained) {
                leave(person, item);
            }
        }
    }

    private void join(String person, String item) {
        dirty.grown.add(item);
        String dropped =
                pools.computeIfAbsent(item, i -> new ItemPool(settings.maxPersonsPerItem))
                        .add(person, item);
        movedInSample(dropped, item);
    }

    private void leave(String person, String item) {
        dirty.shrunk.add(item);
        ItemPool pool = pools.get(item);
        if (pool == null) {
            return;
        }
        String taken = pool.remove(person, item);
        if (pool.size() == 0) {
            pools.remove(item);
        }
        movedInSample(taken, item);
    }

    /** A person the sample of {@code item} let go or took in: their Swing set changed. */
    private void movedInSample(String person, String item) {
        if (person != null) {
            dirty.swing.addAll(items(person));
            dirty.swing.add(item);
        }
    }

    private static void forget(Map<String, Set<String>> index, String key, String value) {
        Set<String> values = index.get(key);
        if (values != null) {
            values.remove(value);
            if (values.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** An interaction as a snapshot held it: {@code events} events of the person on the item. */
    void restore(String person, String item, int events) {
        apply(person, item, false, 1);
        persons.get(person).put(item, events);
    }

    /** An item's purchase events as a snapshot held them. */
    void restorePurchases(String item, long count) {
        purchases.put(item, count);
    }

    /** I_u: the person's items (empty for one without any). */
    Set<String> items(String person) {
        Map<String, Integer> items = persons.get(person);
        return items == null ? Collections.emptySet() : items.keySet();
    }

    /** The person's items in similarity's pool: I_u, or none for a person left out. */
    Set<String> pooledItems(String person) {
        Set<String> items = items(person);
        return settings.inPool(items.size()) ? items : Collections.emptySet();
    }

    /** U_i in the pool; empty for an item nobody in the pool has. */
    ItemPool pool(String item) {
        ItemPool pool = pools.get(item);
        return pool == null ? new ItemPool(settings.maxPersonsPerItem) : pool;
    }

    /** Every identified person with an event on {@code item}. */
    Set<String> seers(String item) {
        return seers.getOrDefault(item, Collections.emptySet());
    }

    Map<String, Long> purchases() {
        return purchases;
    }

    /** Each person's items with their event counts, as a snapshot holds them. */
    Map<String, Map<String, Integer>> persons() {
        return persons;
    }
}
