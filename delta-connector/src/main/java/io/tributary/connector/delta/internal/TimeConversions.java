package io.tributary.connector.delta.internal;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.TimestampData;

/** Delta stores timestamps as microseconds since the epoch; Flink as millis plus nanos. */
@Internal
public final class TimeConversions {
    private TimeConversions() {}

    public static long toMicros(TimestampData ts) {
        return Math.multiplyExact(ts.getMillisecond(), 1000L) + ts.getNanoOfMillisecond() / 1000;
    }

    public static TimestampData fromMicros(long micros) {
        long millis = Math.floorDiv(micros, 1000L);
        int nanos = (int) Math.floorMod(micros, 1000L) * 1000;
        return TimestampData.fromEpochMillis(millis, nanos);
    }
}
