package io.tributary.formats.dms;

import io.tributary.formats.internal.EnvelopeDeserializationSchema;
import java.io.IOException;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonRowDataDeserializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes DMS JSON records into a changelog of the table's rows; control records are logged and
 * skipped.
 */
@Internal
public final class DmsJsonDeserializationSchema extends EnvelopeDeserializationSchema {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DmsJsonDeserializationSchema.class);

    private final RowType physical;
    private final List<DmsMetadata> metadata;
    private final TimestampFormat timestampFormat;

    private transient JsonRowDataDeserializationSchema values;

    public DmsJsonDeserializationSchema(
            RowType physical,
            List<DmsMetadata> metadata,
            TypeInformation<RowData> produced,
            boolean ignoreParseErrors,
            TimestampFormat timestampFormat) {
        super("DMS", physical, produced, ignoreParseErrors);
        this.physical = physical;
        this.metadata = List.copyOf(metadata);
        this.timestampFormat = timestampFormat;
    }

    @Override
    public void open(InitializationContext context) throws Exception {
        values =
                new JsonRowDataDeserializationSchema(
                        physical, InternalTypeInfo.of(physical), false, false, timestampFormat);
        values.open(context);
    }

    @Override
    protected void decode(byte[] message, Emitter out) throws IOException {
        DmsRecord record = DmsRecord.decode(message);
        if (record.isControl()) {
            LOG.info(
                    "DMS control record skipped: {} on {}.{}",
                    record.operation(),
                    record.schemaName(),
                    record.tableName());
            return;
        }
        Object[] meta = new Object[metadata.size()];
        for (int i = 0; i < meta.length; i++) {
            meta[i] = metadata.get(i).valueOf(record);
        }
        for (DmsRecord.Change change : record.changes()) {
            RowData row = values.convertToRowData(change.values);
            row.setRowKind(change.kind);
            out.emit(row, meta);
        }
    }
}
