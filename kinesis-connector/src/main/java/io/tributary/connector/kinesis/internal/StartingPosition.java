package io.tributary.connector.kinesis.internal;

import java.time.Instant;
import java.util.Objects;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Where a shard is read from: one of Kinesis's shard iterator types and its argument. */
@Internal
public final class StartingPosition {
    private final ShardIteratorType type;
    private final String sequenceNumber;
    private final long timestampMillis;

    private StartingPosition(ShardIteratorType type, String sequenceNumber, long timestampMillis) {
        this.type = type;
        this.sequenceNumber = sequenceNumber;
        this.timestampMillis = timestampMillis;
    }

    public static StartingPosition trimHorizon() {
        return new StartingPosition(ShardIteratorType.TRIM_HORIZON, null, 0);
    }

    public static StartingPosition latest() {
        return new StartingPosition(ShardIteratorType.LATEST, null, 0);
    }

    public static StartingPosition atTimestamp(long millis) {
        return new StartingPosition(ShardIteratorType.AT_TIMESTAMP, null, millis);
    }

    public static StartingPosition afterSequenceNumber(String sequenceNumber) {
        return new StartingPosition(
                ShardIteratorType.AFTER_SEQUENCE_NUMBER, Objects.requireNonNull(sequenceNumber), 0);
    }

    static StartingPosition of(ShardIteratorType type, String sequenceNumber, long millis) {
        return new StartingPosition(type, sequenceNumber, millis);
    }

    public ShardIteratorType type() {
        return type;
    }

    /** With {@code AFTER_SEQUENCE_NUMBER}; null otherwise. */
    public String sequenceNumber() {
        return sequenceNumber;
    }

    long timestampMillis() {
        return timestampMillis;
    }

    GetShardIteratorRequest.Builder applyTo(GetShardIteratorRequest.Builder request) {
        request.shardIteratorType(type);
        if (sequenceNumber != null) {
            request.startingSequenceNumber(sequenceNumber);
        }
        if (type == ShardIteratorType.AT_TIMESTAMP) {
            request.timestamp(Instant.ofEpochMilli(timestampMillis));
        }
        return request;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StartingPosition)) {
            return false;
        }
        StartingPosition that = (StartingPosition) o;
        return type == that.type
                && timestampMillis == that.timestampMillis
                && Objects.equals(sequenceNumber, that.sequenceNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, sequenceNumber, timestampMillis);
    }

    @Override
    public String toString() {
        return sequenceNumber != null
                ? type + " " + sequenceNumber
                : type == ShardIteratorType.AT_TIMESTAMP
                        ? type + " " + Instant.ofEpochMilli(timestampMillis)
                        : type.toString();
    }
}
