package io.tributary.connector.delta.internal;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import java.nio.charset.StandardCharsets;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

/** Reads one value of a Kernel column vector as Flink's internal data structure. */
@Internal
public final class KernelValues {
    private KernelValues() {}

    public static Object get(ColumnVector vector, int rowId, LogicalType type) {
        if (vector.isNullAt(rowId)) {
            return null;
        }
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return vector.getBoolean(rowId);
            case TINYINT:
                return vector.getByte(rowId);
            case SMALLINT:
                return vector.getShort(rowId);
            case INTEGER:
            case DATE:
                return vector.getInt(rowId);
            case BIGINT:
                return vector.getLong(rowId);
            case FLOAT:
                return vector.getFloat(rowId);
            case DOUBLE:
                return vector.getDouble(rowId);
            case CHAR:
            case VARCHAR:
                // Encoded now, not lazily by Flink, whose encoder looks up a thread-local buffer
                // for
                // every string; for ASCII the JDK's encoding is one array copy.
                return BinaryStringData.fromBytes(
                        vector.getString(rowId).getBytes(StandardCharsets.UTF_8));
            case BINARY:
            case VARBINARY:
                return vector.getBinary(rowId);
            case DECIMAL:
                DecimalType d = (DecimalType) type;
                return DecimalData.fromBigDecimal(
                        vector.getDecimal(rowId), d.getPrecision(), d.getScale());
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return TimeConversions.fromMicros(vector.getLong(rowId));
            case ARRAY:
                LogicalType elementType = ((ArrayType) type).getElementType();
                ArrayValue array = vector.getArray(rowId);
                ColumnVector elements = array.getElements();
                Object[] values = new Object[array.getSize()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = get(elements, i, elementType);
                }
                return new GenericArrayData(values);
            default:
                throw new UnsupportedOperationException("Cannot read " + type.asSummaryString());
        }
    }
}
