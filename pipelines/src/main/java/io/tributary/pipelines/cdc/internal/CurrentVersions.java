package io.tributary.pipelines.cdc.internal;

import io.tributary.pipelines.cdc.CdcTableSpec;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.conversion.RowRowConverter;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * The versions an SCD2 history table holds, as changes at their {@code valid_from}: fed to the
 * history function beside the stream, they tell a job started without state which version each new
 * change ends, and which versions the table holds that the changes of their own commit remove. They
 * name no record; their log position sorts before any real event's, so an event of the same commit
 * time replaces them.
 */
@Internal
public final class CurrentVersions extends RichMapFunction<Row, RowData> {
    private static final long serialVersionUID = 1L;

    private final CdcTableSpec spec;
    private final DataType columnsAndValidFrom;
    private transient RowRowConverter converter;
    private transient RowData.FieldGetter[] getters;

    /**
     * @param columnsAndValidFrom the type of {@link #query(CdcTableSpec)}'s rows
     */
    public CurrentVersions(CdcTableSpec spec, DataType columnsAndValidFrom) {
        this.spec = spec;
        this.columnsAndValidFrom = columnsAndValidFrom;
    }

    /** The query that reads them: the table's columns and {@code valid_from} of every version. */
    public static String query(CdcTableSpec spec) {
        StringBuilder columns = new StringBuilder();
        spec.rowType().getFieldNames().forEach(c -> columns.append('`').append(c).append("`, "));
        return "SELECT " + columns + "valid_from FROM " + spec.historyTable();
    }

    @Override
    public void open(Configuration parameters) {
        converter = RowRowConverter.create(columnsAndValidFrom);
        converter.open(getRuntimeContext().getUserCodeClassLoader());
        getters = ChangeKeys.getters(spec.rowType());
    }

    @Override
    public RowData map(Row version) {
        RowData row = converter.toInternal(version);
        int columns = getters.length;
        GenericRowData change = ChangeKeys.columns(row, getters, 4); // routed: no record of its own
        change.setField(columns, CommitTimes.micros(row.getTimestamp(columns, 6)));
        change.setField(columns + 1, StringData.fromString(""));
        change.setRowKind(RowKind.UPDATE_AFTER);
        return change;
    }
}
