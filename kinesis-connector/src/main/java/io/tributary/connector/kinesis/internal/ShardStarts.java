package io.tributary.connector.kinesis.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** Where a newly listed shard starts, which shards it waits for, and which reader reads it. */
@Internal
final class ShardStarts {
    private ShardStarts() {}

    /**
     * @param first whether this is the source's first listing of the stream
     * @return null when there is nothing to read: a shard already closed before a LATEST start
     */
    static StartingPosition positionOf(Shard shard, boolean first, KinesisSourceConfig config) {
        String after = config.continueAfter.get(shard.shardId());
        if (after != null) {
            return StartingPosition.afterSequenceNumber(after);
        }
        if (!first || !config.continueAfter.isEmpty()) {
            // A child of a shard read before, or a shard the lake has nothing of while it holds
            // others': all of its records came after what was read.
            return StartingPosition.trimHorizon();
        }
        switch (config.initialPosition) {
            case TRIM_HORIZON:
                return StartingPosition.trimHorizon();
            case AT_TIMESTAMP:
                return StartingPosition.atTimestamp(config.initialTimestampMillis);
            case LATEST:
            default:
                boolean closed =
                        shard.sequenceNumberRange() != null
                                && shard.sequenceNumberRange().endingSequenceNumber() != null;
                return closed ? null : StartingPosition.latest();
        }
    }

    static List<String> parentsOf(Shard shard) {
        List<String> parents = new ArrayList<>(2);
        if (shard.parentShardId() != null) {
            parents.add(shard.parentShardId());
        }
        if (shard.adjacentParentShardId() != null) {
            parents.add(shard.adjacentParentShardId());
        }
        return parents;
    }

    /** The subtask reading a shard: its number modulo the parallelism. */
    static int ownerOf(String shardId, int parallelism) {
        int dash = shardId.lastIndexOf('-');
        long number;
        try {
            number = Long.parseLong(shardId.substring(dash + 1));
        } catch (NumberFormatException e) {
            number = shardId.hashCode() & 0x7fffffffL;
        }
        return (int) (number % parallelism);
    }
}
