package io.tributary.udfs.weblogs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * Where {@link AccessLogParser#parse(byte[], int, int, LineFields)} found each field of a valid
 * line: a range of the line's own UTF-8 bytes, or of a decoded copy for a quoted field with
 * escapes. Nothing is copied or decoded for a field until a caller asks, so a caller that keeps
 * strings as UTF-8 (the SQL function) takes them where they lie.
 *
 * <p>Reused from line to line by one thread; what it holds is valid until the next parse.
 */
@Internal
public final class LineFields {
    public static final int CLIENT_IP = 0;
    public static final int IDENT = 1;
    public static final int USER = 2;
    public static final int METHOD = 3;
    public static final int ENDPOINT = 4;
    public static final int QUERY = 5;
    public static final int PROTOCOL = 6;
    public static final int REFERRER = 7;
    public static final int USER_AGENT = 8;
    private static final int FIELDS = 9;

    private final byte[][] arrays = new byte[FIELDS][];
    private final int[] offsets = new int[FIELDS];
    private final int[] lengths = new int[FIELDS];

    long epochMillis;
    int offsetSeconds;
    int status;

    /** The byte count, or -1 when the log wrote {@code -}. */
    long bytes;

    void clear() {
        Arrays.fill(arrays, null);
    }

    void set(int field, byte[] array, int from, int to) {
        arrays[field] = array;
        offsets[field] = from;
        lengths[field] = to - from;
    }

    /** Whether the field is absent (a request line that does not split, a line cut short). */
    public boolean isNull(int field) {
        return arrays[field] == null;
    }

    /** Whether the field is the log's {@code -} for "none". */
    public boolean isDash(int field) {
        return lengths[field] == 1 && arrays[field][offsets[field]] == '-';
    }

    /** The array holding the field: the parsed line's, or a decoded copy. */
    public byte[] array(int field) {
        return arrays[field];
    }

    public int offset(int field) {
        return offsets[field];
    }

    public int length(int field) {
        return lengths[field];
    }

    public String string(int field) {
        return arrays[field] == null
                ? null
                : new String(arrays[field], offsets[field], lengths[field], StandardCharsets.UTF_8);
    }

    public long epochMillis() {
        return epochMillis;
    }

    public int utcOffsetSeconds() {
        return offsetSeconds;
    }

    public int status() {
        return status;
    }

    /** Days since 1970-01-01 of the request's date in the line's own UTC offset. */
    public int epochDay() {
        return TimestampParser.epochDay(epochMillis, offsetSeconds);
    }

    /** The byte count, or null when the log wrote {@code -}. */
    public Long bytes() {
        return bytes < 0 ? null : bytes;
    }

    AccessLogRecord toRecord() {
        return new AccessLogRecord(
                string(CLIENT_IP),
                string(IDENT),
                string(USER),
                epochMillis,
                offsetSeconds,
                string(METHOD),
                string(ENDPOINT),
                string(QUERY),
                string(PROTOCOL),
                status,
                bytes(),
                string(REFERRER),
                string(USER_AGENT));
    }
}
