package io.tributary.connector.delta.internal;

import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * Partition values in the string form the Delta log stores them in ({@code partitionValues} of an
 * {@code add} action), converted from Flink rows and into Kernel literals and Flink values.
 * Timestamps are written as {@code yyyy-MM-dd HH:mm:ss.SSSSSS} in UTC.
 */
@Internal
public final class PartitionValues {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private PartitionValues() {}

    /** The Delta string of a row's field, or null for SQL NULL. */
    public static String toDeltaString(RowData row, int ordinal, LogicalType type) {
        if (row.isNullAt(ordinal)) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return Boolean.toString(row.getBoolean(ordinal));
            case TINYINT:
                return Byte.toString(row.getByte(ordinal));
            case SMALLINT:
                return Short.toString(row.getShort(ordinal));
            case INTEGER:
                return Integer.toString(row.getInt(ordinal));
            case BIGINT:
                return Long.toString(row.getLong(ordinal));
            case CHAR:
            case VARCHAR:
                return row.getString(ordinal).toString();
            case DATE:
                return LocalDate.ofEpochDay(row.getInt(ordinal)).toString();
            case DECIMAL:
                DecimalType d = (DecimalType) type;
                return row.getDecimal(ordinal, d.getPrecision(), d.getScale())
                        .toBigDecimal()
                        .toPlainString();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                TimestampData ts = row.getTimestamp(ordinal, 6);
                return LocalDateTime.ofInstant(ts.toInstant(), ZoneOffset.UTC).format(TIMESTAMP);
            default:
                throw new IllegalArgumentException(
                        "Type " + type.asSummaryString() + " cannot be a partition column");
        }
    }

    /**
     * Partition values (column → Delta partition string) as Kernel literals of the schema's types.
     */
    public static Map<String, Literal> toLiterals(Map<String, String> values, StructType schema) {
        Map<String, Literal> literals = new HashMap<>();
        values.forEach(
                (column, value) ->
                        literals.put(column, toLiteral(value, schema.get(column).getDataType())));
        return literals;
    }

    public static Literal toLiteral(String value, DataType type) {
        if (value == null) {
            return Literal.ofNull(type);
        }
        LogicalType flinkType = SchemaConversions.toFlink("partition", type);
        Object v = toFlink(value, flinkType);
        switch (flinkType.getTypeRoot()) {
            case BOOLEAN:
                return Literal.ofBoolean((Boolean) v);
            case TINYINT:
                return Literal.ofByte((Byte) v);
            case SMALLINT:
                return Literal.ofShort((Short) v);
            case INTEGER:
                return Literal.ofInt((Integer) v);
            case BIGINT:
                return Literal.ofLong((Long) v);
            case VARCHAR:
                return Literal.ofString(value);
            case DATE:
                return Literal.ofDate((Integer) v);
            case DECIMAL:
                DecimalType d = (DecimalType) flinkType;
                return Literal.ofDecimal(new BigDecimal(value), d.getPrecision(), d.getScale());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return Literal.ofTimestamp(TimeConversions.toMicros((TimestampData) v));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return Literal.ofTimestampNtz(TimeConversions.toMicros((TimestampData) v));
            default:
                throw new IllegalArgumentException(
                        "Type " + type + " cannot be a partition column");
        }
    }

    /** A Delta partition string as a value of Flink's internal data structures. */
    public static Object toFlink(String value, LogicalType type) {
        if (value == null) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return Boolean.parseBoolean(value);
            case TINYINT:
                return Byte.parseByte(value);
            case SMALLINT:
                return Short.parseShort(value);
            case INTEGER:
                return Integer.parseInt(value);
            case BIGINT:
                return Long.parseLong(value);
            case CHAR:
            case VARCHAR:
                return StringData.fromString(value);
            case DATE:
                return (int) LocalDate.parse(value).toEpochDay();
            case DECIMAL:
                DecimalType d = (DecimalType) type;
                return DecimalData.fromBigDecimal(
                        new BigDecimal(value), d.getPrecision(), d.getScale());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return TimestampData.fromInstant(parseTimestamp(value));
            default:
                throw new IllegalArgumentException(
                        "Type " + type.asSummaryString() + " cannot be a partition column");
        }
    }

    private static Instant parseTimestamp(String value) {
        if (value.endsWith("Z")) {
            return Instant.parse(value);
        }
        String iso = value.replace(' ', 'T');
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }
}
