package io.tributary.connector.delta.internal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.core.memory.MemorySegmentFactory;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.data.binary.BinarySegmentUtils;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

/**
 * The identity of a row for changelog writes: its primary-key columns, or every column for a table
 * without a key. Keys are compact binary rows, so equal values compare and hash equal whether a row
 * came from the pipeline or from a Parquet file.
 *
 * <p>A NaN in a key is made the one canonical NaN. Arithmetic gives NaNs of other bit patterns (x86
 * gives {@code 0xfff8…} for 0/0), and Parquet writes every NaN as the canonical one: without this,
 * a retraction of a row holding a computed NaN would never match the row read back from its file.
 */
@Internal
public final class RowKeys implements KeySelector<RowData, BinaryRowData>, Serializable {
    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private final int[] keyOrdinals;
    private transient RowData.FieldGetter[] getters;
    private transient LogicalType[] keyTypes;

    /** Per key column, whether its values can hold a float or a double. */
    private transient boolean[] floating;

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
            Object value = getters[i].getFieldOrNull(row);
            key.setField(i, floating[i] ? canonical(value, keyTypes[i]) : value);
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
            keyTypes = new LogicalType[keyOrdinals.length];
            floating = new boolean[keyOrdinals.length];
            RowData.FieldGetter[] g = new RowData.FieldGetter[keyOrdinals.length];
            for (int i = 0; i < keyOrdinals.length; i++) {
                keyTypes[i] = rowType.getTypeAt(keyOrdinals[i]);
                floating[i] = holdsFloats(keyTypes[i]);
                g[i] = RowData.createFieldGetter(keyTypes[i], keyOrdinals[i]);
            }
            keySerializer = new RowDataSerializer(keyTypes);
            rowSerializer = new RowDataSerializer(rowType);
            getters = g;
        }
    }

    private static boolean holdsFloats(LogicalType type) {
        LogicalTypeRoot root = type.getTypeRoot();
        return root == LogicalTypeRoot.FLOAT
                || root == LogicalTypeRoot.DOUBLE
                || type.getChildren().stream().anyMatch(RowKeys::holdsFloats);
    }

    /** The value with every NaN in it, at any depth, the canonical NaN. */
    private static Object canonical(Object value, LogicalType type) {
        if (value == null || !holdsFloats(type)) {
            return value;
        }
        switch (type.getTypeRoot()) {
            case FLOAT:
                return Float.isNaN((Float) value) ? Float.NaN : value;
            case DOUBLE:
                return Double.isNaN((Double) value) ? Double.NaN : value;
            case ARRAY:
                return canonical((ArrayData) value, ((ArrayType) type).getElementType());
            case MAP:
            case MULTISET:
                MapData map = (MapData) value;
                LogicalType keyType =
                        type instanceof MapType
                                ? ((MapType) type).getKeyType()
                                : ((MultisetType) type).getElementType();
                LogicalType valueType =
                        type instanceof MapType ? ((MapType) type).getValueType() : new IntType();
                ArrayData keys = canonical(map.keyArray(), keyType);
                ArrayData values = canonical(map.valueArray(), valueType);
                ArrayData.ElementGetter keyGetter = ArrayData.createElementGetter(keyType);
                ArrayData.ElementGetter valueGetter = ArrayData.createElementGetter(valueType);
                // Insertion order: a binary map's bytes follow its entries' order.
                Map<Object, Object> entries = new LinkedHashMap<>();
                for (int i = 0; i < map.size(); i++) {
                    entries.put(
                            keyGetter.getElementOrNull(keys, i),
                            valueGetter.getElementOrNull(values, i));
                }
                return new GenericMapData(entries);
            case ROW:
                RowData row = (RowData) value;
                List<LogicalType> fields = type.getChildren();
                GenericRowData copy = new GenericRowData(row.getRowKind(), fields.size());
                for (int i = 0; i < fields.size(); i++) {
                    copy.setField(
                            i,
                            canonical(
                                    RowData.createFieldGetter(fields.get(i), i).getFieldOrNull(row),
                                    fields.get(i)));
                }
                return copy;
            default:
                return value;
        }
    }

    private static ArrayData canonical(ArrayData array, LogicalType elementType) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(elementType);
        Object[] elements = new Object[array.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = canonical(getter.getElementOrNull(array, i), elementType);
        }
        return new GenericArrayData(elements);
    }
}
