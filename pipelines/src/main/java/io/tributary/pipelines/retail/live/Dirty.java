package io.tributary.pipelines.retail.live;

import java.util.HashSet;
import java.util.Set;

/** What the events since the last refresh made stale, and so what the next refresh recomputes. */
final class Dirty {
    /** Items whose cosine neighbours are scored again. */
    final Set<String> cosine = new HashSet<>();

    /**
     * Items whose pool size |U_i| changed: every item that shares a person with one is scored again
     * too, since |U_i| divides its cosine.
     */
    final Set<String> counted = new HashSet<>();

    /** Items whose Swing neighbours are scored again. */
    final Set<String> swing = new HashSet<>();

    /** Persons whose recommendation is made again. */
    final Set<String> persons = new HashSet<>();

    /** Whether purchases moved, and so the popular list. */
    boolean popular;

    boolean isEmpty() {
        return cosine.isEmpty()
                && counted.isEmpty()
                && swing.isEmpty()
                && persons.isEmpty()
                && !popular;
    }

    void clear() {
        cosine.clear();
        counted.clear();
        swing.clear();
        persons.clear();
        popular = false;
    }
}
