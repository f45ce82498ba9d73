package io.tributary.formats.internal;

import java.io.Serializable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Appends a format's metadata values to a decoded physical row, keeping its row kind. */
@Internal
public final class MetadataRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RowData.FieldGetter[] getters;

    public MetadataRows(RowType physical) {
        getters = new RowData.FieldGetter[physical.getFieldCount()];
        for (int i = 0; i < getters.length; i++) {
            getters[i] = RowData.createFieldGetter(physical.getTypeAt(i), i);
        }
    }

    public RowData append(RowData physical, Object[] metadata) {
        if (metadata.length == 0) {
            return physical;
        }
        GenericRowData row =
                new GenericRowData(physical.getRowKind(), getters.length + metadata.length);
        for (int i = 0; i < getters.length; i++) {
            row.setField(i, getters[i].getFieldOrNull(physical));
        }
        for (int i = 0; i < metadata.length; i++) {
            row.setField(getters.length + i, metadata[i]);
        }
        return row;
    }
}
