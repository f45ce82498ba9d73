package io.tributary.udfs.weblogs;

import org.apache.flink.annotation.Internal;

/** Formats UTC offsets the way ISO-8601 writes them. */
@Internal
public final class UtcOffsets {
    private UtcOffsets() {}

    public static String format(int offsetSeconds) {
        int abs = Math.abs(offsetSeconds);
        int hours = abs / 3600;
        int minutes = (abs % 3600) / 60;
        char[] out = {
            offsetSeconds < 0 ? '-' : '+',
            (char) ('0' + hours / 10),
            (char) ('0' + hours % 10),
            ':',
            (char) ('0' + minutes / 10),
            (char) ('0' + minutes % 10)
        };
        return new String(out);
    }
}
