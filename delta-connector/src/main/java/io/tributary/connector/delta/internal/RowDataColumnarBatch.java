package io.tributary.connector.delta.internal;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;

import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

import java.math.BigDecimal;
import java.util.List;

/** Buffered Flink rows seen by Delta Kernel as a columnar batch, without copying them. */
@Internal
public final class RowDataColumnarBatch implements ColumnarBatch {
    private final StructType schema;
    private final RowType rowType;
    private final List<RowData> rows;
    /** For each column of {@link #schema}: its field ordinal in the rows. */
    private final int[] ordinals;

    public RowDataColumnarBatch(StructType schema, RowType rowType, List<RowData> rows) {
        this(schema, rowType, rows, java.util.stream.IntStream.range(0, schema.length()).toArray());
    }

    private RowDataColumnarBatch(StructType schema, RowType rowType, List<RowData> rows, int[] ordinals) {
        this.schema = schema;
        this.rowType = rowType;
        this.rows = rows;
        this.ordinals = ordinals;
    }

    /** Kernel drops partition columns this way before it writes the physical data. */
    @Override
    public ColumnarBatch withDeletedColumnAt(int ordinal) {
        StructType remaining = new StructType();
        int[] remainingOrdinals = new int[ordinals.length - 1];
        for (int i = 0, j = 0; i < ordinals.length; i++) {
            if (i != ordinal) {
                remaining = remaining.add(schema.at(i));
                remainingOrdinals[j++] = ordinals[i];
            }
        }
        return new RowDataColumnarBatch(remaining, rowType, rows, remainingOrdinals);
    }

    @Override
    public StructType getSchema() {
        return schema;
    }

    @Override
    public ColumnVector getColumnVector(int ordinal) {
        int field = ordinals[ordinal];
        return new RowDataColumnVector(schema.at(ordinal).getDataType(), rowType.getTypeAt(field), field);
    }

    @Override
    public int getSize() {
        return rows.size();
    }

    private final class RowDataColumnVector implements ColumnVector {
        private final DataType deltaType;
        private final LogicalType flinkType;
        private final int ordinal;

        RowDataColumnVector(DataType deltaType, LogicalType flinkType, int ordinal) {
            this.deltaType = deltaType;
            this.flinkType = flinkType;
            this.ordinal = ordinal;
        }

        @Override
        public DataType getDataType() {
            return deltaType;
        }

        @Override
        public int getSize() {
            return rows.size();
        }

        @Override
        public void close() {}

        @Override
        public boolean isNullAt(int rowId) {
            return rows.get(rowId).isNullAt(ordinal);
        }

        @Override
        public boolean getBoolean(int rowId) {
            return rows.get(rowId).getBoolean(ordinal);
        }

        @Override
        public byte getByte(int rowId) {
            return rows.get(rowId).getByte(ordinal);
        }

        @Override
        public short getShort(int rowId) {
            return rows.get(rowId).getShort(ordinal);
        }

        @Override
        public int getInt(int rowId) {
            return rows.get(rowId).getInt(ordinal);
        }

        @Override
        public long getLong(int rowId) {
            RowData row = rows.get(rowId);
            switch (flinkType.getTypeRoot()) {
                case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                    return TimeConversions.toMicros(row.getTimestamp(ordinal, ((LocalZonedTimestampType) flinkType).getPrecision()));
                case TIMESTAMP_WITHOUT_TIME_ZONE:
                    return TimeConversions.toMicros(row.getTimestamp(ordinal, ((TimestampType) flinkType).getPrecision()));
                default:
                    return row.getLong(ordinal);
            }
        }

        @Override
        public float getFloat(int rowId) {
            return rows.get(rowId).getFloat(ordinal);
        }

        @Override
        public double getDouble(int rowId) {
            return rows.get(rowId).getDouble(ordinal);
        }

        @Override
        public byte[] getBinary(int rowId) {
            return rows.get(rowId).getBinary(ordinal);
        }

        @Override
        public String getString(int rowId) {
            return rows.get(rowId).getString(ordinal).toString();
        }

        @Override
        public BigDecimal getDecimal(int rowId) {
            DecimalType d = (DecimalType) flinkType;
            return rows.get(rowId).getDecimal(ordinal, d.getPrecision(), d.getScale()).toBigDecimal();
        }
    }
}
