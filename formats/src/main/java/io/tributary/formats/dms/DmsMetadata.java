package io.tributary.formats.dms;

import java.time.Instant;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;

/**
 * The metadata columns the {@code dms-json} format exposes ({@code METADATA FROM 'value.<key>'}).
 */
@Internal
public enum DmsMetadata {
    TIMESTAMP("timestamp", DataTypes.TIMESTAMP_LTZ(6).nullable()),
    OPERATION("operation", DataTypes.STRING().nullable()),
    SCHEMA_NAME("schema-name", DataTypes.STRING().nullable()),
    TABLE_NAME("table-name", DataTypes.STRING().nullable()),
    TRANSACTION_ID("transaction-id", DataTypes.STRING().nullable());

    final String key;
    final DataType type;

    DmsMetadata(String key, DataType type) {
        this.key = key;
        this.type = type;
    }

    Object valueOf(DmsRecord record) throws DmsRecord.InvalidRecordException {
        switch (this) {
            case TIMESTAMP:
                Instant ts = record.timestamp();
                return ts == null ? null : TimestampData.fromInstant(ts);
            case OPERATION:
                return string(record.operation());
            case SCHEMA_NAME:
                return string(record.schemaName());
            case TABLE_NAME:
                return string(record.tableName());
            default:
                return string(record.transactionId());
        }
    }

    private static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
    }
}
