package io.tributary.connector.delta.internal;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.core.memory.MemorySegmentFactory;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.data.binary.BinarySegmentUtils;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

/**
 * The identity of a row for changelog writes: its primary-key columns, or every column for a table
 * without a key. Keys are compact binary rows, so equal values compare and hash equal whether a row
 * came from the pipeline or from a Parquet file.
 */
@Internal
public final class RowKeys implements KeySelector<RowData, BinaryRowData>, Serializable {
    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private final int[] keyOrdinals;
    private transient RowData.FieldGetter[] getters;
    private transient RowDataSerializer keySerializer;
    private transient RowDataSerializer rowSerializer;

    /**
     * @param keyColumns the primary key; empty means the whole row
     */
    public RowKeys(RowType rowType, List<String> keyColumns) {
        this.rowType = rowType;
        this.keyOrdinals =
                keyColumns.isEmpty()
                        ? IntStream.range(0, rowType.getFieldCount()).toArray()
                        : keyColumns.stream().mapToInt(rowType::getFieldIndex).toArray();
    }

    public boolean wholeRow() {
        return keyOrdinals.length == rowType.getFieldCount();
    }

    public int[] keyOrdinals() {
        return keyOrdinals.clone();
    }

    @Override
    public BinaryRowData getKey(RowData row) {
        init();
        GenericRowData key = new GenericRowData(keyOrdinals.length);
        for (int i = 0; i < keyOrdinals.length; i++) {
            key.setField(i, getters[i].getFieldOrNull(row));
        }
        return keySerializer.toBinaryRow(key).copy();
    }

    /** The row in Flink's binary format, as bytes that survive operator state and the network. */
    public byte[] toBytes(RowData row) {
        init();
        BinaryRowData binary = rowSerializer.toBinaryRow(row);
        // The bytes are a row's value, not its change: equal rows must have equal bytes.
        RowKind kind = binary.getRowKind();
        binary.setRowKind(RowKind.INSERT);
        byte[] bytes =
                BinarySegmentUtils.copyToBytes(
                        binary.getSegments(), binary.getOffset(), binary.getSizeInBytes());
        binary.setRowKind(kind);
        return bytes;
    }

    public BinaryRowData fromBytes(byte[] bytes) {
        BinaryRowData row = new BinaryRowData(rowType.getFieldCount());
        row.pointTo(MemorySegmentFactory.wrap(bytes), 0, bytes.length);
        return row;
    }

    private void init() {
        if (getters == null) {
            LogicalType[] keyTypes = new LogicalType[keyOrdinals.length];
            RowData.FieldGetter[] g = new RowData.FieldGetter[keyOrdinals.length];
            for (int i = 0; i < keyOrdinals.length; i++) {
                keyTypes[i] = rowType.getTypeAt(keyOrdinals[i]);
                g[i] = RowData.createFieldGetter(keyTypes[i], keyOrdinals[i]);
            }
            keySerializer = new RowDataSerializer(keyTypes);
            rowSerializer = new RowDataSerializer(rowType);
            getters = g;
        }
    }
}
