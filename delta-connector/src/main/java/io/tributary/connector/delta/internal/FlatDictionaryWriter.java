package io.tributary.connector.delta.internal;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.dictionary.IntList;
import org.apache.parquet.column.values.plain.PlainValuesWriter;

/**
 * A Parquet dictionary whose entries a subclass keeps in flat arrays, found through a table of ids
 * by hash (open addressing, linear probing, at most half full). Ids are given in the order entries
 * are added, which is the order parquet-mr's own dictionary writers list them in their pages: the
 * pages are parquet-mr's, byte for byte. The id of the value written last is remembered, as runs of
 * one value are common in a partition's file.
 *
 * <p>One per column chunk writer, used by its thread only.
 */
@Internal
abstract class FlatDictionaryWriter extends DictionaryValuesWriter {
    static final int EMPTY = -1;

    /** An id, or {@link #EMPTY}; a probe starts at {@code hash & (slots.length - 1)}. */
    int[] slots = newSlots(128);

    /** The hash of each id's entry. */
    int[] hashes = new int[64];

    /** The number of entries, and the id of the next. */
    int size;

    /** The id of the value written last, or {@link #EMPTY}. */
    int lastId = EMPTY;

    /** Version-1 pages: both the data and the dictionary pages say {@code PLAIN_DICTIONARY}. */
    FlatDictionaryWriter(int maxDictionaryByteSize, ByteBufferAllocator allocator) {
        super(
                maxDictionaryByteSize,
                Encoding.PLAIN_DICTIONARY,
                Encoding.PLAIN_DICTIONARY,
                allocator);
    }

    /** Writes entry {@code id}'s value to {@code out}, as a plain page holds it. */
    abstract void writeEntry(ValuesWriter out, int id);

    /**
     * Gives the next id to the entry the subclass has just stored, of this hash, in the empty slot
     * its probe ended at; it becomes the last written.
     */
    final int add(int slot, int hash) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size] = hash;
        slots[slot] = size;
        lastId = size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return lastId;
    }

    @Override
    public final DictionaryPage toDictPageAndClose() {
        if (lastUsedDictionarySize <= 0) {
            return null;
        }
        PlainValuesWriter page =
                new PlainValuesWriter(lastUsedDictionaryByteSize, maxDictionaryByteSize, allocator);
        for (int id = 0; id < lastUsedDictionarySize; id++) {
            writeEntry(page, id);
        }
        return dictPage(page);
    }

    @Override
    public final int getDictionarySize() {
        return size;
    }

    @Override
    protected final void clearDictionaryContent() {
        Arrays.fill(slots, EMPTY);
        size = 0;
        lastId = EMPTY;
    }

    @Override
    public final void fallBackDictionaryEncodedData(ValuesWriter writer) {
        IntList.IntIterator ids = encodedValues.iterator();
        while (ids.hasNext()) {
            writeEntry(writer, ids.next());
        }
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
