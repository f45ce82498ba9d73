package io.tributary.pipelines.cdc.internal;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.RowRowConverter;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

/** Internal rows to external {@link Row}s, which the Table API takes changelog streams in. */
@Internal
public final class ToRows extends RichMapFunction<RowData, Row> {
    private static final long serialVersionUID = 1L;

    private final DataType type;
    private transient RowRowConverter converter;

    public ToRows(DataType type) {
        this.type = type;
    }

    @Override
    public void open(Configuration parameters) {
        converter = RowRowConverter.create(type);
        converter.open(getRuntimeContext().getUserCodeClassLoader());
    }

    @Override
    public Row map(RowData row) {
        return converter.toExternal(row);
    }
}
