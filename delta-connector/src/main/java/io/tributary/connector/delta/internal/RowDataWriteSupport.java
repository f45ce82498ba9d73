package io.tributary.connector.delta.internal;

import java.util.Arrays;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes Flink's internal rows straight into Parquet's record consumer. Strings go from Flink's
 * UTF-8 bytes to Parquet's binaries without becoming Java strings on the way, which is where a
 * generic columnar writer spends its time on log-like data.
 */
@Internal
final class RowDataWriteSupport extends WriteSupport<RowData> {
    private final MessageType schema;
    private final int[] ordinals;
    private final FieldWriter[] writers;
    private RecordConsumer consumer;

    RowDataWriteSupport(RowType rowType, int[] ordinals) {
        this.schema = ParquetSchemas.toParquet(rowType, ordinals);
        this.ordinals = ordinals.clone();
        this.writers =
                Arrays.stream(ordinals)
                        .mapToObj(o -> writer(rowType.getTypeAt(o)))
                        .toArray(FieldWriter[]::new);
    }

    private RowDataWriteSupport(RowDataWriteSupport template) {
        this.schema = template.schema;
        this.ordinals = template.ordinals;
        this.writers = template.writers;
    }

    /** A support for one more file: each Parquet writer drives its own record consumer. */
    RowDataWriteSupport forNewFile() {
        return new RowDataWriteSupport(this);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(RowData row) {
        consumer.startMessage();
        for (int i = 0; i < ordinals.length; i++) {
            int ordinal = ordinals[i];
            if (!row.isNullAt(ordinal)) {
                String name = schema.getFieldName(i);
                consumer.startField(name, i);
                writers[i].write(consumer, row, ordinal);
                consumer.endField(name, i);
            }
        }
        consumer.endMessage();
    }

    @FunctionalInterface
    private interface FieldWriter {
        void write(RecordConsumer consumer, RowData row, int ordinal);
    }

    private static FieldWriter writer(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return (c, r, o) -> c.addBoolean(r.getBoolean(o));
            case TINYINT:
                return (c, r, o) -> c.addInteger(r.getByte(o));
            case SMALLINT:
                return (c, r, o) -> c.addInteger(r.getShort(o));
            case INTEGER:
            case DATE:
                return (c, r, o) -> c.addInteger(r.getInt(o));
            case BIGINT:
                return (c, r, o) -> c.addLong(r.getLong(o));
            case FLOAT:
                return (c, r, o) -> c.addFloat(r.getFloat(o));
            case DOUBLE:
                return (c, r, o) -> c.addDouble(r.getDouble(o));
            case CHAR:
            case VARCHAR:
                return (c, r, o) -> c.addBinary(utf8(r.getString(o)));
            case BINARY:
            case VARBINARY:
                return (c, r, o) -> c.addBinary(Binary.fromConstantByteArray(r.getBinary(o)));
            case DECIMAL:
                return decimalWriter((DecimalType) type);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                {
                    int precision = ((LocalZonedTimestampType) type).getPrecision();
                    return (c, r, o) ->
                            c.addLong(TimeConversions.toMicros(r.getTimestamp(o, precision)));
                }
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                {
                    int precision = ((TimestampType) type).getPrecision();
                    return (c, r, o) ->
                            c.addLong(TimeConversions.toMicros(r.getTimestamp(o, precision)));
                }
            case ARRAY:
                return listWriter(((ArrayType) type).getElementType());
            default:
                throw new IllegalArgumentException("No Parquet writer for type " + type);
        }
    }

    /**
     * A list in Parquet's three-level form ({@link ParquetSchemas}): the group, its repeated {@code
     * list} entries, each with an {@code element} unless the element is null. Each element goes
     * through the writer of its type by way of a one-field row: lists are short (gold tables'
     * top-N), so the row costs less than a second set of writers would in code.
     */
    private static FieldWriter listWriter(LogicalType elementType) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(elementType);
        FieldWriter element = writer(elementType);
        return (c, r, o) -> {
            ArrayData array = r.getArray(o);
            c.startGroup();
            if (array.size() > 0) {
                c.startField("list", 0);
                for (int i = 0; i < array.size(); i++) {
                    c.startGroup();
                    Object value = getter.getElementOrNull(array, i);
                    if (value != null) {
                        c.startField("element", 0);
                        element.write(c, GenericRowData.of(value), 0);
                        c.endField("element", 0);
                    }
                    c.endGroup();
                }
                c.endField("list", 0);
            }
            c.endGroup();
        };
    }

    /** The string's UTF-8 bytes in place when Flink already holds them in one heap segment. */
    static Binary utf8(StringData value) {
        if (value instanceof BinaryStringData) {
            BinaryStringData s = (BinaryStringData) value;
            s.ensureMaterialized();
            MemorySegment[] segments = s.getSegments();
            if (segments.length == 1
                    && !segments[0].isOffHeap()
                    && s.getOffset() + s.getSizeInBytes() <= segments[0].size()) {
                // Parquet copies reused bytes before it keeps them (dictionary, statistics).
                return Binary.fromReusedByteArray(
                        segments[0].getArray(), s.getOffset(), s.getSizeInBytes());
            }
        }
        return Binary.fromConstantByteArray(value.toBytes());
    }

    private static FieldWriter decimalWriter(DecimalType type) {
        int precision = type.getPrecision();
        int scale = type.getScale();
        if (ParquetSchemas.decimalAsInt(type)) {
            return (c, r, o) ->
                    c.addInteger((int) r.getDecimal(o, precision, scale).toUnscaledLong());
        }
        if (ParquetSchemas.decimalAsLong(type)) {
            return (c, r, o) -> c.addLong(r.getDecimal(o, precision, scale).toUnscaledLong());
        }
        int length = ParquetSchemas.decimalBytes(precision);
        return (c, r, o) ->
                c.addBinary(
                        Binary.fromConstantByteArray(
                                fixedLength(r.getDecimal(o, precision, scale), length)));
    }

    /** Big-endian two's complement, sign-extended to the column's fixed length. */
    static byte[] fixedLength(DecimalData value, int length) {
        byte[] unscaled = value.toUnscaledBytes();
        byte[] out = new byte[length];
        byte pad = (byte) (unscaled[0] < 0 ? 0xff : 0x00);
        int padding = length - unscaled.length;
        Arrays.fill(out, 0, padding, pad);
        System.arraycopy(unscaled, 0, out, padding, unscaled.length);
        return out;
    }
}
