package io.tributary.pipelines.cdc.internal;

import io.tributary.formats.debezium.DebeziumRecord;
import io.tributary.pipelines.cdc.CdcTableSpec;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Keys typed changes by their primary key, and cuts a change back to the table's columns. */
@Internal
public final class ChangeKeys implements KeySelector<RowData, String> {
    private static final long serialVersionUID = 1L;

    private final RowData.FieldGetter[] keyGetters;

    public ChangeKeys(CdcTableSpec spec) {
        RowType type = spec.rowType();
        int[] keys = spec.primaryKeyIndexes();
        keyGetters = new RowData.FieldGetter[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keyGetters[i] = RowData.createFieldGetter(type.getTypeAt(keys[i]), keys[i]);
        }
    }

    @Override
    public String getKey(RowData change) {
        StringBuilder key = new StringBuilder();
        for (RowData.FieldGetter getter : keyGetters) {
            // Unit separator: cannot be confused with a character of a key value's text.
            key.append(getter.getFieldOrNull(change)).append('\u001f');
        }
        return key.toString();
    }

    /** Commit time, then log position: the order the source applied its changes in. */
    static int compare(long micros, String position, long otherMicros, String otherPosition) {
        int byTime = Long.compare(micros, otherMicros);
        if (byTime != 0) {
            return byTime;
        }
        String base = DebeziumRecord.binlogBase(position);
        String otherBase = DebeziumRecord.binlogBase(otherPosition);
        if (base != null && otherBase != null && !base.equals(otherBase)) {
            // Binlogs of two servers (a failover) within one commit second: the positions cannot
            // order them, and the event that arrives later is the later one on the topic.
            return 0;
        }
        return position.compareTo(otherPosition);
    }

    /**
     * A new row with the fields the getters read from {@code change}, and {@code extra} empty
     * fields after them.
     */
    static GenericRowData columns(RowData change, RowData.FieldGetter[] getters, int extra) {
        GenericRowData row = new GenericRowData(getters.length + extra);
        for (int i = 0; i < getters.length; i++) {
            row.setField(i, getters[i].getFieldOrNull(change));
        }
        return row;
    }

    static RowData.FieldGetter[] getters(RowType type) {
        RowData.FieldGetter[] getters = new RowData.FieldGetter[type.getFieldCount()];
        for (int i = 0; i < getters.length; i++) {
            getters[i] = RowData.createFieldGetter(type.getTypeAt(i), i);
        }
        return getters;
    }
}
