package io.tributary.formats.kinesis;

import io.tributary.formats.internal.EnvelopeDeserializationSchema;
import java.io.IOException;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonRowDataDeserializationSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.RowType;

/**
 * Opens Kinesis record envelopes (or takes bare events) and decodes their Data as the table's row.
 */
@Internal
public final class KinesisJsonDeserializationSchema extends EnvelopeDeserializationSchema {
    private static final long serialVersionUID = 1L;

    private final RowType physical;
    private final boolean rawData;
    private final List<KinesisMetadata> metadata;
    private final TimestampFormat timestampFormat;

    private transient JsonRowDataDeserializationSchema json;

    public KinesisJsonDeserializationSchema(
            RowType physical,
            boolean rawData,
            List<KinesisMetadata> metadata,
            TypeInformation<RowData> produced,
            boolean ignoreParseErrors,
            TimestampFormat timestampFormat) {
        super("Kinesis", physical, produced, ignoreParseErrors);
        this.physical = physical;
        this.rawData = rawData;
        this.metadata = List.copyOf(metadata);
        this.timestampFormat = timestampFormat;
        if (rawData
                && (physical.getFieldCount() != 1
                        || !(physical.getTypeAt(0).is(LogicalTypeFamily.CHARACTER_STRING)
                                || physical.getTypeAt(0).is(LogicalTypeFamily.BINARY_STRING)))) {
            throw new IllegalArgumentException(
                    "kinesis-json with data.format 'raw' needs exactly one STRING or "
                            + "BYTES column, got "
                            + physical);
        }
    }

    @Override
    public void open(InitializationContext context) throws Exception {
        if (!rawData) {
            json =
                    new JsonRowDataDeserializationSchema(
                            physical, InternalTypeInfo.of(physical), false, false, timestampFormat);
            json.open(context);
        }
    }

    @Override
    protected void decode(byte[] message, Emitter out) throws IOException {
        KinesisRecord record = KinesisRecord.decode(message);
        byte[] data = record.data();
        RowData row =
                rawData
                        ? GenericRowData.of(
                                physical.getTypeAt(0).is(LogicalTypeFamily.CHARACTER_STRING)
                                        ? StringData.fromBytes(data)
                                        : data)
                        : json.deserialize(data);
        Object[] meta = new Object[metadata.size()];
        for (int i = 0; i < meta.length; i++) {
            meta[i] = metadata.get(i).valueOf(record);
        }
        out.emit(row, meta);
    }
}
