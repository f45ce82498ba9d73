package io.tributary.connector.delta.internal;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * The hash table of a dictionary writer: dictionary ids by hash, open addressing with linear
 * probing, at most half full. The writer keeps the entries and compares them; ids are given in the
 * order entries are added, as Parquet's dictionary pages list them.
 */
@Internal
final class DictionarySlots {
    static final int EMPTY = -1;

    /** An id, or {@link #EMPTY}; probe from {@code hash & (slots.length - 1)}. */
    int[] slots = newSlots(128);

    /** The hash of each id. */
    int[] hashes = new int[64];

    int size;

    /** Gives the next id to an entry of this hash, in the empty slot its probe ended at. */
    int add(int slot, int hash) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size] = hash;
        slots[slot] = size;
        if (++size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return size - 1;
    }

    void clear() {
        Arrays.fill(slots, EMPTY);
        size = 0;
    }

    private void rehash(int capacity) {
        slots = newSlots(capacity);
        int mask = capacity - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }

    private static int[] newSlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
