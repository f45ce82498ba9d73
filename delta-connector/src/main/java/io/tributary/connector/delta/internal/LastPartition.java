package io.tributary.connector.delta.internal;

import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalSerializers;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * The partition column values of the row a writer saw last, kept as copies: the incoming row may be
 * a reused object whose fields change under it. A DATE or INT column (a daily partition) is
 * compared as the int it is, without the boxed value a generic field getter makes for every row.
 */
@Internal
final class LastPartition {
    private final int[] ordinals;
    private final boolean[] asInt;
    private final RowData.FieldGetter[] getters;
    private final TypeSerializer<Object>[] serializers;
    private final Object[] values;
    private boolean remembered;

    @SuppressWarnings("unchecked")
    LastPartition(int[] ordinals, LogicalType[] types) {
        this.ordinals = ordinals.clone();
        asInt = new boolean[ordinals.length];
        getters = new RowData.FieldGetter[ordinals.length];
        serializers = new TypeSerializer[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
            LogicalTypeRoot root = types[i].getTypeRoot();
            asInt[i] = root == LogicalTypeRoot.DATE || root == LogicalTypeRoot.INTEGER;
            getters[i] = RowData.createFieldGetter(types[i], ordinals[i]);
            serializers[i] = InternalSerializers.create(types[i]);
        }
        values = new Object[ordinals.length];
    }

    /** Whether the row's partition values are those remembered last. */
    boolean holds(RowData row) {
        if (!remembered) {
            return false;
        }
        for (int i = 0; i < ordinals.length; i++) {
            if (asInt[i]) {
                boolean isNull = row.isNullAt(ordinals[i]);
                if (isNull != (values[i] == null)
                        || (!isNull && row.getInt(ordinals[i]) != (Integer) values[i])) {
                    return false;
                }
            } else if (!Objects.equals(getters[i].getFieldOrNull(row), values[i])) {
                return false;
            }
        }
        return true;
    }

    void remember(RowData row) {
        for (int i = 0; i < getters.length; i++) {
            Object value = getters[i].getFieldOrNull(row);
            values[i] = value == null ? null : serializers[i].copy(value);
        }
        remembered = true;
    }
}
