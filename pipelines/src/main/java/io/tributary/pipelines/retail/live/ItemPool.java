package io.tributary.pipelines.retail.live;

import java.util.Collection;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An item's persons in similarity's pool (U_i), and Swing's fixed sample of them: the {@code
 * capacity} persons with the smallest {@link SampleKey}. A person joining or leaving moves at most
 * one other across the sample's edge, which the caller learns so that the items that person's Swing
 * set touches are scored again.
 */
final class ItemPool {
    private final int capacity;
    private final TreeMap<SampleKey, String> sample = new TreeMap<>();
    private final TreeMap<SampleKey, String> rest = new TreeMap<>();

    ItemPool(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return sample.size() + rest.size();
    }

    /** Adds a person; the person the sample let go to make room, or null. */
    String add(String person, String item) {
        SampleKey key = SampleKey.of(person, item);
        if (sample.size() < capacity) {
            sample.put(key, person);
            return null;
        }
        if (key.compareTo(sample.lastKey()) < 0) {
            var last = sample.pollLastEntry();
            rest.put(last.getKey(), last.getValue());
            sample.put(key, person);
            return last.getValue();
        }
        rest.put(key, person);
        return null;
    }

    /** Removes a person; the person the sample took in their place, or null. */
    String remove(String person, String item) {
        SampleKey key = SampleKey.of(person, item);
        if (sample.remove(key) != null) {
            if (rest.isEmpty()) {
                return null;
            }
            var first = rest.pollFirstEntry();
            sample.put(first.getKey(), first.getValue());
            return first.getValue();
        }
        rest.remove(key);
        return null;
    }

    /** Whether {@code person}, one of this item's, is in its Swing sample. */
    boolean sampled(String person, String item) {
        return rest.isEmpty() || sample.containsKey(SampleKey.of(person, item));
    }

    Collection<String> sampled() {
        return sample.values();
    }

    /** Every person of the item, sampled or not. */
    Iterable<String> persons() {
        return () -> Stream.concat(sample.values().stream(), rest.values().stream()).iterator();
    }
}
