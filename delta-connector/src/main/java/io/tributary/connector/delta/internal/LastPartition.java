package io.tributary.connector.delta.internal;

import java.util.Objects;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalSerializers;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * The partition column values of the row a writer saw last, kept as copies: the incoming row may be
 * a reused object whose fields change under it.
 */
@Internal
final class LastPartition {
    private final RowData.FieldGetter[] getters;
    private final TypeSerializer<Object>[] serializers;
    private final Object[] values;
    private boolean remembered;

    @SuppressWarnings("unchecked")
    LastPartition(int[] ordinals, LogicalType[] types) {
        getters = new RowData.FieldGetter[ordinals.length];
        serializers = new TypeSerializer[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
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
        for (int i = 0; i < getters.length; i++) {
            if (!Objects.equals(getters[i].getFieldOrNull(row), values[i])) {
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
