package io.tributary.connector.kinesis.internal;

import org.apache.flink.annotation.Internal;

/** A split being read: the sequence number of the last record handed on, if any. */
@Internal
public final class ShardSplitState {
    private final ShardSplit split;
    private String lastSequenceNumber;

    public ShardSplitState(ShardSplit split) {
        this.split = split;
    }

    void emitted(String sequenceNumber) {
        lastSequenceNumber = sequenceNumber;
    }

    /** The split as a checkpoint keeps it: continuing after the last record handed on. */
    public ShardSplit toSplit() {
        return lastSequenceNumber == null ? split : split.continuingAfter(lastSequenceNumber);
    }

    public String shardId() {
        return split.shardId();
    }
}
