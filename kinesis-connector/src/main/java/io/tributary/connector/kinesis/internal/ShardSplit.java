package io.tributary.connector.kinesis.internal;

import java.util.List;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One shard, read by one reader at a time from {@link #startingPosition()}. Its parents (one after
 * a split, two after a merge) are read to their end before it is assigned, so that the records of a
 * partition key stay in order across resharding.
 */
@Internal
public final class ShardSplit implements SourceSplit {
    /** {@link #stopAfterMillis()} of a source that does not stop. */
    public static final long NEVER = Long.MAX_VALUE;

    private final String shardId;
    private final List<String> parentShardIds;
    private final StartingPosition startingPosition;
    private final long stopAfterMillis;

    public ShardSplit(
            String shardId,
            List<String> parentShardIds,
            StartingPosition startingPosition,
            long stopAfterMillis) {
        this.shardId = Objects.requireNonNull(shardId);
        this.parentShardIds = List.copyOf(parentShardIds);
        this.startingPosition = Objects.requireNonNull(startingPosition);
        this.stopAfterMillis = stopAfterMillis;
    }

    @Override
    public String splitId() {
        return shardId;
    }

    public String shardId() {
        return shardId;
    }

    public List<String> parentShardIds() {
        return parentShardIds;
    }

    public StartingPosition startingPosition() {
        return startingPosition;
    }

    /**
     * A bounded read ends the shard at the first record that arrived after this time (epoch
     * milliseconds): the source's start. {@link #NEVER} when unbounded.
     */
    public long stopAfterMillis() {
        return stopAfterMillis;
    }

    public ShardSplit continuingAfter(String sequenceNumber) {
        return new ShardSplit(
                shardId,
                parentShardIds,
                StartingPosition.afterSequenceNumber(sequenceNumber),
                stopAfterMillis);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ShardSplit)) {
            return false;
        }
        ShardSplit that = (ShardSplit) o;
        return shardId.equals(that.shardId)
                && parentShardIds.equals(that.parentShardIds)
                && startingPosition.equals(that.startingPosition)
                && stopAfterMillis == that.stopAfterMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(shardId, parentShardIds, startingPosition, stopAfterMillis);
    }

    @Override
    public String toString() {
        return shardId + " from " + startingPosition;
    }
}
