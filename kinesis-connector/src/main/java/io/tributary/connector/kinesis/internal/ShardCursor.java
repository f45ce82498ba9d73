package io.tributary.connector.kinesis.internal;

import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.annotation.Internal;

/**
 * A reader's place in one shard: where to get a new iterator from (the split's start, then after
 * each record fetched), the current iterator, and how long a throttled shard waits.
 */
@Internal
final class ShardCursor {
    static final long FIRST_DELAY_MILLIS = 100;
    static final long MAX_DELAY_MILLIS = 10_000;

    final ShardSplit split;
    StartingPosition position;
    String iterator;
    long notBeforeNanos;
    private int failures;

    ShardCursor(ShardSplit split) {
        this.split = split;
        this.position = split.startingPosition();
    }

    void fetched(String lastSequenceNumber, String nextIterator) {
        if (lastSequenceNumber != null) {
            position = StartingPosition.afterSequenceNumber(lastSequenceNumber);
        }
        iterator = nextIterator;
        failures = 0;
    }

    /** Waits before the next call: exponential, with full jitter, capped. */
    long backOff(long nowNanos) {
        long cap = Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(failures, 20));
        failures++;
        long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        notBeforeNanos = nowNanos + delay * 1_000_000;
        return delay;
    }

    boolean ready(long nowNanos) {
        return nowNanos - notBeforeNanos >= 0;
    }
}
