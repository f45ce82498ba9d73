package io.tributary.formats.kinesis;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;

/** The metadata columns the {@code kinesis-json} format exposes; null for a bare event. */
@Internal
public enum KinesisMetadata {
    PARTITION_KEY("partition-key", DataTypes.STRING().nullable()),
    SEQUENCE_NUMBER("sequence-number", DataTypes.STRING().nullable()),
    APPROXIMATE_ARRIVAL_TIMESTAMP(
            "approximate-arrival-timestamp", DataTypes.TIMESTAMP_LTZ(3).nullable());

    final String key;
    final DataType type;

    KinesisMetadata(String key, DataType type) {
        this.key = key;
        this.type = type;
    }

    Object valueOf(KinesisRecord record) {
        switch (this) {
            case PARTITION_KEY:
                return record.partitionKey() == null
                        ? null
                        : StringData.fromString(record.partitionKey());
            case SEQUENCE_NUMBER:
                return record.sequenceNumber() == null
                        ? null
                        : StringData.fromString(record.sequenceNumber());
            default:
                return record.approximateArrival() == null
                        ? null
                        : TimestampData.fromInstant(record.approximateArrival());
        }
    }
}
