package io.tributary.connector.delta.internal;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.values.ValuesWriter;

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
final class LongDictionaryWriter extends FlatDictionaryWriter {
    private long[] values = new long[64];

    LongDictionaryWriter(int maxDictionaryByteSize, ByteBufferAllocator allocator) {
        super(maxDictionaryByteSize, allocator);
    }

    @Override
    public void writeLong(long value) {
        encodedValues.add(idOf(value));
    }

    private int idOf(long value) {
        if (lastId != EMPTY && values[lastId] == value) {
            return lastId;
        }
        int hash = hash(value);
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (int id = slots[slot]; id != EMPTY; id = slots[slot]) {
            if (values[id] == value) {
                return lastId = id;
            }
            slot = (slot + 1) & mask;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size] = value;
        dictionaryByteSize += Long.BYTES;
        return add(slot, hash);
    }

    @Override
    void writeEntry(ValuesWriter out, int id) {
        out.writeLong(values[id]);
    }

    /** A 64-bit finaliser: nearby values (ids, times) spread over the table. */
    static int hash(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 29));
    }
}
