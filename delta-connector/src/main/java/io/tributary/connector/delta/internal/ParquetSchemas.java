package io.tributary.connector.delta.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet layout of Delta data files, as Delta Kernel and Spark write them: timestamps as INT64
 * microseconds (UTC-adjusted for {@code timestamp}, local for {@code timestamp_ntz}), decimals in
 * the smallest of INT32, INT64 or fixed-length binary, strings as UTF-8 binaries. Field names are
 * the column names: the connector writes tables without column mapping.
 */
@Internal
public final class ParquetSchemas {
    private static final int MAX_INT_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;

    private ParquetSchemas() {}

    /** The file schema for the given columns of {@code rowType} (the non-partition ones). */
    public static MessageType toParquet(RowType rowType, int[] ordinals) {
        List<Type> fields = new ArrayList<>();
        for (int ordinal : ordinals) {
            RowType.RowField field = rowType.getFields().get(ordinal);
            fields.add(field(field.getName(), field.getType()));
        }
        return new MessageType("spark_schema", fields);
    }

    private static Type field(String name, LogicalType type) {
        Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> b;
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                b = primitive(PrimitiveTypeName.BOOLEAN, type);
                break;
            case TINYINT:
                b =
                        primitive(PrimitiveTypeName.INT32, type)
                                .as(LogicalTypeAnnotation.intType(8, true));
                break;
            case SMALLINT:
                b =
                        primitive(PrimitiveTypeName.INT32, type)
                                .as(LogicalTypeAnnotation.intType(16, true));
                break;
            case INTEGER:
                b = primitive(PrimitiveTypeName.INT32, type);
                break;
            case BIGINT:
                b = primitive(PrimitiveTypeName.INT64, type);
                break;
            case FLOAT:
                b = primitive(PrimitiveTypeName.FLOAT, type);
                break;
            case DOUBLE:
                b = primitive(PrimitiveTypeName.DOUBLE, type);
                break;
            case DECIMAL:
                b = decimal((DecimalType) type);
                break;
            case CHAR:
            case VARCHAR:
                b =
                        primitive(PrimitiveTypeName.BINARY, type)
                                .as(LogicalTypeAnnotation.stringType());
                break;
            case BINARY:
            case VARBINARY:
                b = primitive(PrimitiveTypeName.BINARY, type);
                break;
            case DATE:
                b = primitive(PrimitiveTypeName.INT32, type).as(LogicalTypeAnnotation.dateType());
                break;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                b =
                        primitive(PrimitiveTypeName.INT64, type)
                                .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
                break;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                b =
                        primitive(PrimitiveTypeName.INT64, type)
                                .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS));
                break;
            case ARRAY:
                // The three-level list Spark, Trino and Athena write and read.
                Type element = field("element", ((ArrayType) type).getElementType());
                GroupType repeated = Types.repeatedGroup().addField(element).named("list");
                return (type.isNullable() ? Types.optionalGroup() : Types.requiredGroup())
                        .as(LogicalTypeAnnotation.listType())
                        .addField(repeated)
                        .named(name);
            default:
                // SchemaConversions rejects these when the sink is built; this is a safety net.
                throw new IllegalArgumentException(
                        "No Parquet mapping for column " + name + " of type " + type);
        }
        return b.named(name);
    }

    private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> primitive(
            PrimitiveTypeName name, LogicalType type) {
        return type.isNullable() ? Types.optional(name) : Types.required(name);
    }

    private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> decimal(
            DecimalType type) {
        LogicalTypeAnnotation annotation =
                LogicalTypeAnnotation.decimalType(type.getScale(), type.getPrecision());
        if (type.getPrecision() <= MAX_INT_DIGITS) {
            return primitive(PrimitiveTypeName.INT32, type).as(annotation);
        }
        if (type.getPrecision() <= MAX_LONG_DIGITS) {
            return primitive(PrimitiveTypeName.INT64, type).as(annotation);
        }
        return primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, type)
                .length(decimalBytes(type.getPrecision()))
                .as(annotation);
    }

    /**
     * Bytes of the smallest two's-complement integer that holds every {@code precision}-digit
     * value.
     */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }

    static boolean decimalAsInt(DecimalType type) {
        return type.getPrecision() <= MAX_INT_DIGITS;
    }

    static boolean decimalAsLong(DecimalType type) {
        return type.getPrecision() <= MAX_LONG_DIGITS;
    }
}
