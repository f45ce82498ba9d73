package io.tributary.connector.delta.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.annotation.Nullable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Turns the values of one Parquet column straight into Flink's internal data structures: a string
 * becomes a {@link BinaryStringData} over the column's UTF-8 bytes, never a Java {@code String},
 * and the values of a dictionary page are converted once per dictionary, not once per row. The
 * reader asks for {@link #value} after handing a value over.
 */
@Internal
abstract class ParquetValueConverter extends PrimitiveConverter {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int JULIAN_DAY_OF_EPOCH = 2_440_588;

    /** The value handed over last. */
    Object value;

    /**
     * The converter of a column of {@code physical} type read as {@code type}, or null when this
     * reader does not map that pair (the caller then reads the file with Kernel).
     */
    static @Nullable ParquetValueConverter of(LogicalType type, PrimitiveType physical) {
        PrimitiveTypeName name = physical.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = physical.getLogicalTypeAnnotation();
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return name == PrimitiveTypeName.BOOLEAN ? new Booleans() : null;
            case TINYINT:
                return name == PrimitiveTypeName.INT32 ? new Bytes() : null;
            case SMALLINT:
                return name == PrimitiveTypeName.INT32 ? new Shorts() : null;
            case INTEGER:
            case DATE:
                return name == PrimitiveTypeName.INT32 ? new Ints() : null;
            case BIGINT:
                return name == PrimitiveTypeName.INT64 ? new Longs() : null;
            case FLOAT:
                return name == PrimitiveTypeName.FLOAT ? new Floats() : null;
            case DOUBLE:
                return name == PrimitiveTypeName.DOUBLE ? new Doubles() : null;
            case CHAR:
            case VARCHAR:
                return name == PrimitiveTypeName.BINARY ? new Strings() : null;
            case BINARY:
            case VARBINARY:
                return name == PrimitiveTypeName.BINARY
                                || name == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                        ? new ByteArrays()
                        : null;
            case DECIMAL:
                return decimal((DecimalType) type, name);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return timestamp(name, annotation);
            default:
                return null;
        }
    }

    private static @Nullable ParquetValueConverter decimal(
            DecimalType type, PrimitiveTypeName name) {
        switch (name) {
            case INT32:
            case INT64:
                return DecimalData.isCompact(type.getPrecision())
                        ? new UnscaledLongDecimals(type)
                        : null;
            case BINARY:
            case FIXED_LEN_BYTE_ARRAY:
                return new UnscaledBytesDecimals(type);
            default:
                return null;
        }
    }

    private static @Nullable ParquetValueConverter timestamp(
            PrimitiveTypeName name, @Nullable LogicalTypeAnnotation annotation) {
        if (name == PrimitiveTypeName.INT96) {
            // Spark's legacy layout: nanoseconds of the day, then the Julian day, little-endian.
            return new Int96Timestamps();
        }
        if (name != PrimitiveTypeName.INT64) {
            return null;
        }
        if (!(annotation instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation)) {
            return null;
        }
        switch (((LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) annotation).getUnit()) {
            case MILLIS:
                return new Timestamps(1_000);
            case MICROS:
                return new Timestamps(1);
            default:
                return null; // nanoseconds: Kernel's reader decides
        }
    }

    private static final class Booleans extends ParquetValueConverter {
        @Override
        public void addBoolean(boolean v) {
            value = v;
        }
    }

    private static final class Bytes extends ParquetValueConverter {
        @Override
        public void addInt(int v) {
            value = (byte) v;
        }
    }

    private static final class Shorts extends ParquetValueConverter {
        @Override
        public void addInt(int v) {
            value = (short) v;
        }
    }

    private static final class Ints extends ParquetValueConverter {
        @Override
        public void addInt(int v) {
            value = v;
        }
    }

    private static final class Longs extends ParquetValueConverter {
        @Override
        public void addLong(long v) {
            value = v;
        }
    }

    private static final class Floats extends ParquetValueConverter {
        @Override
        public void addFloat(float v) {
            value = v;
        }
    }

    private static final class Doubles extends ParquetValueConverter {
        @Override
        public void addDouble(double v) {
            value = v;
        }
    }

    /** Converters whose values are worth converting once per dictionary entry. */
    private abstract static class FromBinary extends ParquetValueConverter {
        private Object[] dictionary;

        abstract Object convert(Binary binary);

        @Override
        public final void addBinary(Binary v) {
            value = convert(v);
        }

        @Override
        public final boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public final void setDictionary(Dictionary d) {
            dictionary = new Object[d.getMaxId() + 1];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = convert(d.decodeToBinary(id));
            }
        }

        @Override
        public final void addValueFromDictionary(int id) {
            // Shared between rows: Flink never changes a string or byte array it is handed.
            value = dictionary[id];
        }

        /** The bytes, copied only if Parquet may reuse the array behind them. */
        static byte[] bytesOf(Binary binary) {
            return binary.copy().getBytes();
        }
    }

    private static final class Strings extends FromBinary {
        @Override
        Object convert(Binary binary) {
            return BinaryStringData.fromBytes(bytesOf(binary));
        }
    }

    private static final class ByteArrays extends FromBinary {
        @Override
        Object convert(Binary binary) {
            return bytesOf(binary);
        }
    }

    private static final class UnscaledBytesDecimals extends FromBinary {
        private final DecimalType type;

        UnscaledBytesDecimals(DecimalType type) {
            this.type = type;
        }

        @Override
        Object convert(Binary binary) {
            return DecimalData.fromUnscaledBytes(
                    bytesOf(binary), type.getPrecision(), type.getScale());
        }
    }

    private static final class Int96Timestamps extends FromBinary {
        @Override
        Object convert(Binary binary) {
            ByteBuffer buffer = binary.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = buffer.getLong();
            int julianDay = buffer.getInt();
            long micros =
                    (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY
                            + Math.floorDiv(nanosOfDay, 1_000L);
            return TimeConversions.fromMicros(micros);
        }
    }

    private static final class UnscaledLongDecimals extends ParquetValueConverter {
        private final DecimalType type;

        UnscaledLongDecimals(DecimalType type) {
            this.type = type;
        }

        @Override
        public void addInt(int v) {
            addLong(v);
        }

        @Override
        public void addLong(long v) {
            value = DecimalData.fromUnscaledLong(v, type.getPrecision(), type.getScale());
        }
    }

    private static final class Timestamps extends ParquetValueConverter {
        private final long microsPerUnit;

        Timestamps(long microsPerUnit) {
            this.microsPerUnit = microsPerUnit;
        }

        @Override
        public void addLong(long v) {
            value = TimeConversions.fromMicros(v * microsPerUnit);
        }
    }
}
