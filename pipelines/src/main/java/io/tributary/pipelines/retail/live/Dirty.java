package io.tributary.pipelines.retail.live;

import java.util.HashSet;
import java.util.Set;

/** What the events since the last refresh made stale, and so what the next refresh recomputes. */
final class Dirty {
    /** Items whose cosine neighbours are scored again. */
    final Set<String> cosine = new HashSet<>();

    /**
     * Items whose pool size |U_x| grew: their cosine with every other item fell, which changes the
     * lists that hold them, never the lists that do not.
     */
    final Set<String> grown = new HashSet<>();

    /**
     * Items whose pool size |U_x| shrank: their cosine with every item sharing a person rose, so
     * every such item is scored again.
     */
    final Set<String> shrunk = new HashSet<>();

    /** Items whose Swing neighbours are scored again. */
    final Set<String> swing = new HashSet<>();

    /** Persons whose recommendation is made again. */
    final Set<String> persons = new HashSet<>();

    /** Whether purchases moved, and so the popular list. */
    boolean popular;

    /** The sets, in the order a snapshot writes them. */
    java.util.List<Set<String>> sets() {
        return java.util.List.of(cosine, grown, shrunk, swing, persons);
    }

    boolean isEmpty() {
        return cosine.isEmpty()
                && grown.isEmpty()
                && shrunk.isEmpty()
                && swing.isEmpty()
                && persons.isEmpty()
                && !popular;
    }

    void clear() {
        cosine.clear();
        grown.clear();
        shrunk.clear();
        swing.clear();
        persons.clear();
        popular = false;
    }
}
