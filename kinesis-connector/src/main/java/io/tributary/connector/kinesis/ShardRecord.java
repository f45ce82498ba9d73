package io.tributary.connector.kinesis;

import java.time.Instant;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One record of a shard, as {@code GetRecords} returned it. Its identity is the stream, the shard
 * and the sequence number; sequence numbers grow within a shard and are compared as numbers (see
 * {@link #compareSequenceNumbers}).
 */
@PublicEvolving
public final class ShardRecord {
    private final String streamName;
    private final String shardId;
    private final String sequenceNumber;
    private final String partitionKey;
    private final Instant approximateArrivalTimestamp;
    private final byte[] data;

    public ShardRecord(
            String streamName,
            String shardId,
            String sequenceNumber,
            String partitionKey,
            Instant approximateArrivalTimestamp,
            byte[] data) {
        this.streamName = streamName;
        this.shardId = shardId;
        this.sequenceNumber = sequenceNumber;
        this.partitionKey = partitionKey;
        this.approximateArrivalTimestamp = approximateArrivalTimestamp;
        this.data = data;
    }

    public String streamName() {
        return streamName;
    }

    public String shardId() {
        return shardId;
    }

    public String sequenceNumber() {
        return sequenceNumber;
    }

    public String partitionKey() {
        return partitionKey;
    }

    public Instant approximateArrivalTimestamp() {
        return approximateArrivalTimestamp;
    }

    /** The record's data blob, not copied. */
    public byte[] data() {
        return data;
    }

    /**
     * Orders two sequence numbers of one shard. They are decimal strings of up to 128 digits
     * without leading zeros, so the longer is the greater and equal lengths compare as text.
     */
    public static int compareSequenceNumbers(String a, String b) {
        return a.length() != b.length()
                ? Integer.compare(a.length(), b.length())
                : Integer.signum(a.compareTo(b));
    }
}
