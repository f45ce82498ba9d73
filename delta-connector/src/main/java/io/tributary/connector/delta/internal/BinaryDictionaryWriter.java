package io.tributary.connector.delta.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.flink.annotation.Internal;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.io.api.Binary;

/**
 * parquet-mr's dictionary encoding of a string or binary column — the same dictionary, in the same
 * order, the same pages — with a cheaper lookup of each value. parquet-mr keys its dictionary by
 * {@link Binary}, whose hash and equality walk the value a byte at a time: they were 9 % of the
 * samples of a web-log backfill of ten million lines (docs/benchmarks.md, "Session 23"). Here a
 * value is first compared with the one written before it (in a day's partition the file, origin,
 * method, protocol and weekday columns repeat row after row), then hashed eight bytes at a time,
 * and compared with {@link Arrays#equals(byte[], int, int, byte[], int, int)}, which the JDK
 * vectorises. The entries' bytes live in one growing array rather than one object each.
 *
 * <p>One per column chunk writer, used by its thread only.
 */
@Internal
final class BinaryDictionaryWriter extends FlatDictionaryWriter {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Every entry's bytes, one after the other in the order they were added. */
    private byte[] bytes = new byte[1024];

    /** Entry {@code id} is {@code bytes[ends[id - 1] .. ends[id])} ({@code ends[-1]} being 0). */
    private int[] ends = new int[64];

    BinaryDictionaryWriter(int maxDictionaryByteSize, ByteBufferAllocator allocator) {
        super(maxDictionaryByteSize, allocator);
    }

    @Override
    public void writeBytes(Binary value) {
        ByteBuffer buffer = value.toByteBuffer();
        byte[] array;
        int offset;
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            array = buffer.array();
            offset = buffer.arrayOffset() + buffer.position();
        } else {
            array = value.getBytes();
            offset = 0;
        }
        encodedValues.add(idOf(array, offset, length));
    }

    private int idOf(byte[] array, int offset, int length) {
        if (lastId != EMPTY && sameAs(lastId, array, offset, length)) {
            return lastId;
        }
        int hash = hash(array, offset, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (int id = slots[slot]; id != EMPTY; id = slots[slot]) {
            if (hashes[id] == hash && sameAs(id, array, offset, length)) {
                return lastId = id;
            }
            slot = (slot + 1) & mask;
        }
        append(array, offset, length);
        return add(slot, hash);
    }

    private boolean sameAs(int id, byte[] array, int offset, int length) {
        int start = start(id);
        return ends[id] - start == length
                && Arrays.equals(bytes, start, start + length, array, offset, offset + length);
    }

    private void append(byte[] array, int offset, int length) {
        int start = start(size);
        if (start + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + length));
        }
        System.arraycopy(array, offset, bytes, start, length);
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        ends[size] = start + length;
        // As parquet-mr counts it: the value and its length prefix in the dictionary page.
        dictionaryByteSize += 4 + length;
    }

    private int start(int id) {
        return id == 0 ? 0 : ends[id - 1];
    }

    @Override
    void writeEntry(ValuesWriter out, int id) {
        int start = start(id);
        out.writeBytes(Binary.fromConstantByteArray(bytes, start, ends[id] - start));
    }

    /** Eight bytes at a time, each word mixed in; not Java's hash, which takes a byte a step. */
    static int hash(byte[] array, int offset, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            h =
                    Long.rotateLeft(
                                    h ^ ((long) LONGS.get(array, offset + i)) * 0xC2B2AE3D27D4EB4FL,
                                    31)
                            * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (array[offset + i] & 0xFFL) << shift;
        }
        h = (h ^ tail * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
