package io.tributary.connector.kinesis.table;

import io.tributary.connector.kinesis.ShardRecord;
import java.util.function.Function;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;

/** The record metadata a {@code 'kinesis'} table reads: the official connector's keys. */
@Internal
enum KinesisMetadata {
    TIMESTAMP(
            "timestamp",
            DataTypes.TIMESTAMP_WITH_LOCAL_TIME_ZONE(3).notNull(),
            r ->
                    r.approximateArrivalTimestamp() == null
                            ? null
                            : TimestampData.fromInstant(r.approximateArrivalTimestamp())),
    SEQUENCE_NUMBER(
            "sequence-number",
            DataTypes.VARCHAR(128).notNull(),
            r -> StringData.fromString(r.sequenceNumber())),
    SHARD_ID("shard-id", DataTypes.VARCHAR(128).notNull(), r -> StringData.fromString(r.shardId()));

    final String key;
    final DataType type;
    final Function<ShardRecord, Object> read;

    KinesisMetadata(String key, DataType type, Function<ShardRecord, Object> read) {
        this.key = key;
        this.type = type;
        this.read = read;
    }

    static KinesisMetadata of(String key) {
        for (KinesisMetadata metadata : values()) {
            if (metadata.key.equals(key)) {
                return metadata;
            }
        }
        throw new IllegalArgumentException("Unknown Kinesis metadata key " + key);
    }
}
