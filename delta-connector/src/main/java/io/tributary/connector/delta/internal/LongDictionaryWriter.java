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
 * parquet-mr's dictionary encoding of a 64-bit column (BIGINT, timestamps) — the same dictionary,
 * in the same order, the same pages — with a value first compared with the one written before it
 * (an ingestion time is one value for a whole file) and a flat table of ids instead of parquet-mr's
 * linked hash map, whose lookups and growth were 2 % of a web-log backfill's time
 * (docs/benchmarks.md, "Session 23").
 *
 * <p>One per column chunk writer, used by its thread only.
 */
@Internal
final class LongDictionaryWriter extends DictionaryValuesWriter {
    private long[] values = new long[64];
    private final DictionarySlots slots = new DictionarySlots();
    private int lastId = DictionarySlots.EMPTY;

    LongDictionaryWriter(
            int maxDictionaryByteSize,
            Encoding encodingForDataPage,
            Encoding encodingForDictionaryPage,
            ByteBufferAllocator allocator) {
        super(maxDictionaryByteSize, encodingForDataPage, encodingForDictionaryPage, allocator);
    }

    @Override
    public void writeLong(long value) {
        encodedValues.add(idOf(value));
    }

    private int idOf(long value) {
        if (lastId != DictionarySlots.EMPTY && values[lastId] == value) {
            return lastId;
        }
        int hash = hash(value);
        int[] table = slots.slots;
        int mask = table.length - 1;
        int slot = hash & mask;
        for (int id = table[slot]; id != DictionarySlots.EMPTY; id = table[slot]) {
            if (values[id] == value) {
                return lastId = id;
            }
            slot = (slot + 1) & mask;
        }
        int id = slots.size;
        if (id == values.length) {
            values = Arrays.copyOf(values, id * 2);
        }
        values[id] = value;
        dictionaryByteSize += Long.BYTES;
        return lastId = slots.add(slot, hash);
    }

    @Override
    public DictionaryPage toDictPageAndClose() {
        if (lastUsedDictionarySize <= 0) {
            return null;
        }
        PlainValuesWriter page =
                new PlainValuesWriter(lastUsedDictionaryByteSize, maxDictionaryByteSize, allocator);
        for (int id = 0; id < lastUsedDictionarySize; id++) {
            page.writeLong(values[id]);
        }
        return dictPage(page);
    }

    @Override
    public int getDictionarySize() {
        return slots.size;
    }

    @Override
    protected void clearDictionaryContent() {
        slots.clear();
        lastId = DictionarySlots.EMPTY;
    }

    @Override
    public void fallBackDictionaryEncodedData(ValuesWriter writer) {
        IntList.IntIterator ids = encodedValues.iterator();
        while (ids.hasNext()) {
            writer.writeLong(values[ids.next()]);
        }
    }

    /** A 64-bit finaliser: nearby values (ids, times) spread over the table. */
    static int hash(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 29));
    }
}
