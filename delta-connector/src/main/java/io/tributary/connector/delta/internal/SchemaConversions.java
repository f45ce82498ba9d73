package io.tributary.connector.delta.internal;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.SmallIntType;
import org.apache.flink.table.types.logical.TinyIntType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Maps Flink SQL types to Delta types and back: the primitive types and arrays of them (a gold
 * table of recommendations holds lists); maps and nested rows are not supported yet.
 */
@Internal
public final class SchemaConversions {
    private SchemaConversions() {}

    public static StructType toDelta(RowType rowType) {
        StructType struct = new StructType();
        for (RowType.RowField field : rowType.getFields()) {
            struct =
                    struct.add(
                            field.getName(),
                            toDelta(field.getName(), field.getType()),
                            field.getType().isNullable());
        }
        return struct;
    }

    static DataType toDelta(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return BooleanType.BOOLEAN;
            case TINYINT:
                return ByteType.BYTE;
            case SMALLINT:
                return ShortType.SHORT;
            case INTEGER:
                return IntegerType.INTEGER;
            case BIGINT:
                return LongType.LONG;
            case FLOAT:
                return FloatType.FLOAT;
            case DOUBLE:
                return DoubleType.DOUBLE;
            case DECIMAL:
                org.apache.flink.table.types.logical.DecimalType d =
                        (org.apache.flink.table.types.logical.DecimalType) type;
                return new DecimalType(d.getPrecision(), d.getScale());
            case CHAR:
            case VARCHAR:
                return StringType.STRING;
            case BINARY:
            case VARBINARY:
                return BinaryType.BINARY;
            case DATE:
                return DateType.DATE;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return TimestampType.TIMESTAMP;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return TimestampNTZType.TIMESTAMP_NTZ;
            case ARRAY:
                LogicalType element =
                        ((org.apache.flink.table.types.logical.ArrayType) type).getElementType();
                if (element.getTypeRoot() == LogicalTypeRoot.ARRAY) {
                    break; // arrays of arrays: not yet
                }
                return new ArrayType(toDelta(column, element), element.isNullable());
            default:
                break;
        }
        throw new ValidationException(
                "Column '"
                        + column
                        + "' has type "
                        + type.asSummaryString()
                        + ", which the Delta connector cannot store yet. Supported: BOOLEAN, "
                        + "TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, STRING, BYTES, "
                        + "DATE, TIMESTAMP, TIMESTAMP_LTZ, and ARRAYs of these.");
    }

    public static RowType toFlink(StructType struct) {
        List<RowType.RowField> fields = new ArrayList<>();
        for (StructField field : struct.fields()) {
            fields.add(
                    new RowType.RowField(
                            field.getName(),
                            toFlink(field.getName(), field.getDataType())
                                    .copy(field.isNullable())));
        }
        return new RowType(fields);
    }

    static LogicalType toFlink(String column, DataType type) {
        if (type instanceof BooleanType) {
            return new org.apache.flink.table.types.logical.BooleanType();
        } else if (type instanceof ByteType) {
            return new TinyIntType();
        } else if (type instanceof ShortType) {
            return new SmallIntType();
        } else if (type instanceof IntegerType) {
            return new org.apache.flink.table.types.logical.IntType();
        } else if (type instanceof LongType) {
            return new BigIntType();
        } else if (type instanceof FloatType) {
            return new org.apache.flink.table.types.logical.FloatType();
        } else if (type instanceof DoubleType) {
            return new org.apache.flink.table.types.logical.DoubleType();
        } else if (type instanceof DecimalType) {
            DecimalType d = (DecimalType) type;
            return new org.apache.flink.table.types.logical.DecimalType(
                    d.getPrecision(), d.getScale());
        } else if (type instanceof StringType) {
            return VarCharType.STRING_TYPE;
        } else if (type instanceof BinaryType) {
            return new VarBinaryType(VarBinaryType.MAX_LENGTH);
        } else if (type instanceof DateType) {
            return new org.apache.flink.table.types.logical.DateType();
        } else if (type instanceof TimestampType) {
            return new LocalZonedTimestampType(6);
        } else if (type instanceof TimestampNTZType) {
            return new org.apache.flink.table.types.logical.TimestampType(6);
        } else if (type instanceof ArrayType) {
            ArrayType array = (ArrayType) type;
            return new org.apache.flink.table.types.logical.ArrayType(
                    toFlink(column, array.getElementType()).copy(array.containsNull()));
        }
        throw new ValidationException(
                "Column '"
                        + column
                        + "' has Delta type "
                        + type
                        + ", which the connector cannot read yet.");
    }

    /**
     * Describes how a declared schema differs from a table's, or returns null when a writer with
     * the declared schema can write to the table. Names, order, types and nullability must match,
     * except that a nullable table column accepts a NOT NULL declaration.
     */
    /**
     * The declared columns the table lacks, when the declaration is the table's columns in their
     * order with others in between or after them; null when a table column is missing from the
     * declaration or moved. Types are not compared here.
     */
    public static List<StructField> addedColumns(StructType table, StructType declared) {
        List<StructField> added = new ArrayList<>();
        int next = 0;
        for (StructField d : declared.fields()) {
            if (next < table.length() && table.at(next).getName().equals(d.getName())) {
                next++;
            } else if (table.fieldNames().contains(d.getName())) {
                return null;
            } else {
                added.add(d);
            }
        }
        return next == table.length() ? added : null;
    }

    /** The schema without the given columns. */
    public static StructType without(StructType schema, List<StructField> columns) {
        StructType result = new StructType();
        for (StructField f : schema.fields()) {
            if (!columns.contains(f)) {
                result = result.add(f);
            }
        }
        return result;
    }

    public static String incompatibility(StructType table, StructType declared) {
        List<String> problems = new ArrayList<>();
        List<String> tableNames = table.fieldNames();
        List<String> declaredNames = declared.fieldNames();
        if (!tableNames.equals(declaredNames)) {
            problems.add(
                    "columns differ: table has "
                            + tableNames
                            + ", the declaration has "
                            + declaredNames);
        } else {
            for (int i = 0; i < table.length(); i++) {
                StructField t = table.at(i);
                StructField d = declared.at(i);
                if (!t.getDataType().equivalent(d.getDataType())) {
                    problems.add(
                            "column '"
                                    + t.getName()
                                    + "' is "
                                    + t.getDataType()
                                    + " in the table but "
                                    + d.getDataType()
                                    + " in the declaration");
                } else if (!t.isNullable() && d.isNullable()) {
                    problems.add(
                            "column '"
                                    + t.getName()
                                    + "' is NOT NULL in the table but nullable in the declaration");
                }
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
