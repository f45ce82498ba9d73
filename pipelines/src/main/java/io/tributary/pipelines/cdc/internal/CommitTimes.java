package io.tributary.pipelines.cdc.internal;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.TimestampData;

import java.time.Instant;

/** Commit times travel as microseconds since the epoch; tables hold them as timestamps. */
@Internal
final class CommitTimes {
    private CommitTimes() {}

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    static long micros(TimestampData timestamp) {
        return timestamp.getMillisecond() * 1000 + timestamp.getNanoOfMillisecond() / 1000;
    }

    static TimestampData timestamp(long micros) {
        return TimestampData.fromEpochMillis(Math.floorDiv(micros, 1000), (int) Math.floorMod(micros, 1000) * 1000);
    }
}
