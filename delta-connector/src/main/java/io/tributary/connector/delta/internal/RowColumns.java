package io.tributary.connector.delta.internal;

import java.util.Arrays;
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
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * How the columns of a Delta data file take a Flink row: the file's Parquet schema, and for each
 * column the code that hands its value, with Parquet's repetition and definition levels, to that
 * column's writer. Strings go from Flink's UTF-8 bytes to Parquet's binaries without becoming Java
 * strings on the way.
 *
 * <p>Rows go straight to the column writers rather than through parquet-mr's record consumer, which
 * tracks every field of every record to find the ones left out: a tenth of a backfill's writing
 * time, for a flat schema whose levels are known in advance. The files are the same, byte for byte
 * ({@code ParquetRowWriterTest}).
 *
 * <p>One instance serves every file of a sink's writer: it holds no per-file state.
 */
@Internal
final class RowColumns {
    private final MessageType schema;
    private final int[] ordinals;
    private final Column[] columns;

    RowColumns(RowType rowType, int[] ordinals) {
        this.schema = ParquetSchemas.toParquet(rowType, ordinals);
        this.ordinals = ordinals.clone();
        this.columns =
                Arrays.stream(ordinals)
                        .mapToObj(o -> column(rowType.getFieldNames().get(o), rowType.getTypeAt(o)))
                        .toArray(Column[]::new);
    }

    MessageType schema() {
        return schema;
    }

    /** Writes one row: {@code writers} are the file's column writers, in the schema's order. */
    void write(RowData row, ColumnWriter[] writers) {
        for (int i = 0; i < ordinals.length; i++) {
            columns[i].write(writers[i], row, ordinals[i]);
        }
    }

    /** One column of the file, and the Delta column it comes from. */
    @FunctionalInterface
    private interface Column {
        void write(ColumnWriter writer, RowData row, int ordinal);
    }

    /** Writes a value that is not null, at the given levels. */
    @FunctionalInterface
    private interface Value {
        void write(ColumnWriter writer, RowData row, int ordinal, int repetition, int definition);
    }

    private static Column column(String name, LogicalType type) {
        if (type.getTypeRoot() == LogicalTypeRoot.ARRAY) {
            return list(name, type.isNullable(), ((ArrayType) type).getElementType());
        }
        Value value = value(type);
        if (!type.isNullable()) {
            return (w, r, o) -> {
                if (r.isNullAt(o)) {
                    throw nullInRequired(name);
                }
                value.write(w, r, o, 0, 0);
            };
        }
        return (w, r, o) -> {
            if (r.isNullAt(o)) {
                w.writeNull(0, 0);
            } else {
                value.write(w, r, o, 0, 1);
            }
        };
    }

    /**
     * A list in Parquet's three-level form ({@link ParquetSchemas}): the optional group, its
     * repeated {@code list} entries, each with an {@code element}. A definition level says how deep
     * a value goes (no list, an empty list, a null element, an element); the repetition level 1
     * says an entry continues the list the previous one began. Each element goes through the value
     * code of its type by way of a one-field row: lists are short (gold tables' top-N).
     */
    private static Column list(String name, boolean nullable, LogicalType elementType) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(elementType);
        Value element = value(elementType);
        int emptyList = nullable ? 1 : 0;
        int nullElement = emptyList + 1;
        int presentElement = nullElement + (elementType.isNullable() ? 1 : 0);
        return (w, r, o) -> {
            if (r.isNullAt(o)) {
                if (!nullable) {
                    throw nullInRequired(name);
                }
                w.writeNull(0, 0);
                return;
            }
            ArrayData array = r.getArray(o);
            if (array.size() == 0) {
                w.writeNull(0, emptyList);
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                int repetition = i == 0 ? 0 : 1;
                Object value = getter.getElementOrNull(array, i);
                if (value == null) {
                    w.writeNull(repetition, nullElement);
                } else {
                    element.write(w, GenericRowData.of(value), 0, repetition, presentElement);
                }
            }
        };
    }

    private static IllegalArgumentException nullInRequired(String name) {
        return new IllegalArgumentException(
                "Column " + name + " is NOT NULL, and a row has no value for it");
    }

    private static Value value(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return (w, r, o, rl, dl) -> w.write(r.getBoolean(o), rl, dl);
            case TINYINT:
                return (w, r, o, rl, dl) -> w.write((int) r.getByte(o), rl, dl);
            case SMALLINT:
                return (w, r, o, rl, dl) -> w.write((int) r.getShort(o), rl, dl);
            case INTEGER:
            case DATE:
                return (w, r, o, rl, dl) -> w.write(r.getInt(o), rl, dl);
            case BIGINT:
                return (w, r, o, rl, dl) -> w.write(r.getLong(o), rl, dl);
            case FLOAT:
                return (w, r, o, rl, dl) -> w.write(r.getFloat(o), rl, dl);
            case DOUBLE:
                return (w, r, o, rl, dl) -> w.write(r.getDouble(o), rl, dl);
            case CHAR:
            case VARCHAR:
                return (w, r, o, rl, dl) -> w.write(utf8(r.getString(o)), rl, dl);
            case BINARY:
            case VARBINARY:
                return (w, r, o, rl, dl) ->
                        w.write(Binary.fromConstantByteArray(r.getBinary(o)), rl, dl);
            case DECIMAL:
                return decimal((DecimalType) type);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return timestamp(((LocalZonedTimestampType) type).getPrecision());
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return timestamp(((TimestampType) type).getPrecision());
            default:
                throw new IllegalArgumentException("No Parquet writer for type " + type);
        }
    }

    private static Value timestamp(int precision) {
        return (w, r, o, rl, dl) ->
                w.write(TimeConversions.toMicros(r.getTimestamp(o, precision)), rl, dl);
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

    private static Value decimal(DecimalType type) {
        int precision = type.getPrecision();
        int scale = type.getScale();
        if (ParquetSchemas.decimalAsInt(type)) {
            return (w, r, o, rl, dl) ->
                    w.write((int) r.getDecimal(o, precision, scale).toUnscaledLong(), rl, dl);
        }
        if (ParquetSchemas.decimalAsLong(type)) {
            return (w, r, o, rl, dl) ->
                    w.write(r.getDecimal(o, precision, scale).toUnscaledLong(), rl, dl);
        }
        int length = ParquetSchemas.decimalBytes(precision);
        return (w, r, o, rl, dl) ->
                w.write(
                        Binary.fromConstantByteArray(
                                fixedLength(r.getDecimal(o, precision, scale), length)),
                        rl,
                        dl);
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
