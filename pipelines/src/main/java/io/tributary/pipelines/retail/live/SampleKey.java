package io.tributary.pipelines.retail.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a person stands in an item's Swing sample: the MD5 of {@code person/item}, ordered as the
 * batch SQL orders {@code MD5(CONCAT(person_id, '/', item_id))} — its hex text, which orders as the
 * digest's bytes unsigned — kept as two longs rather than a 32-character string per interaction.
 */
final class SampleKey implements Comparable<SampleKey> {
    final long high;
    final long low;
    final String person;

    private SampleKey(long high, long low, String person) {
        this.high = high;
        this.low = low;
        this.person = person;
    }

    static SampleKey of(String person, String item) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("MD5")
                            .digest((person + "/" + item).getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            return new SampleKey(bytes.getLong(), bytes.getLong(), person);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    @Override
    public int compareTo(SampleKey other) {
        int c = Long.compareUnsigned(high, other.high);
        if (c == 0) {
            c = Long.compareUnsigned(low, other.low);
        }
        return c != 0 ? c : person.compareTo(other.person);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleKey && compareTo((SampleKey) o) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + person.hashCode();
    }
}
