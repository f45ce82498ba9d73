package io.tributary.pipelines.cdc.internal;

import java.time.Instant;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.TimestampData;

/** Commit times travel as microseconds since the epoch; tables hold them as timestamps. */
@Internal
final class CommitTimes {
    private CommitTimes() {}

    static long micros(Instant instant) {
        return Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    static long micros(TimestampData timestamp) {
        return timestamp.getMillisecond() * 1000 + timestamp.getNanoOfMillisecond() / 1000;
    }

    /**
     * The first and last microsecond a lake timestamp may hold (years 1 to 9999, as Spark and
     * Athena read).
     */
    static final long MIN_MICROS = micros(Instant.parse("0001-01-01T00:00:00Z"));

    static final long MAX_MICROS = micros(Instant.parse("9999-12-31T23:59:59.999999Z"));

    /**
     * @throws IllegalArgumentException for a time outside years 1 to 9999
     */
    static long requireInRange(long micros) {
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw new IllegalArgumentException(
                    "commit time " + micros + " µs since 1970 is outside years 1-9999");
        }
        return micros;
    }

    static TimestampData timestamp(long micros) {
        return TimestampData.fromEpochMillis(
                Math.floorDiv(micros, 1000), (int) Math.floorMod(micros, 1000) * 1000);
    }
}
