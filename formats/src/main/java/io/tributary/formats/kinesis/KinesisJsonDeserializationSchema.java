package io.tributary.formats.kinesis;

import io.tributary.formats.internal.MetadataRows;
import io.tributary.formats.internal.Previews;

import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonRowDataDeserializationSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.util.List;

/** Opens Kinesis record envelopes (or takes bare events) and decodes their Data as the table's row. */
@Internal
public final class KinesisJsonDeserializationSchema implements DeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final RowType physical;
    private final boolean rawData;
    private final List<KinesisMetadata> metadata;
    private final TypeInformation<RowData> produced;
    private final boolean ignoreParseErrors;
    private final TimestampFormat timestampFormat;
    private final MetadataRows rows;

    private transient JsonRowDataDeserializationSchema json;

    public KinesisJsonDeserializationSchema(RowType physical, boolean rawData, List<KinesisMetadata> metadata,
            TypeInformation<RowData> produced, boolean ignoreParseErrors, TimestampFormat timestampFormat) {
        this.physical = physical;
        this.rawData = rawData;
        this.metadata = List.copyOf(metadata);
        this.produced = produced;
        this.ignoreParseErrors = ignoreParseErrors;
        this.timestampFormat = timestampFormat;
        this.rows = new MetadataRows(physical);
        if (rawData && (physical.getFieldCount() != 1
                || !(physical.getTypeAt(0).is(LogicalTypeFamily.CHARACTER_STRING)
                        || physical.getTypeAt(0).is(LogicalTypeFamily.BINARY_STRING)))) {
            throw new IllegalArgumentException("kinesis-json with data.format 'raw' needs exactly one STRING or "
                    + "BYTES column, got " + physical);
        }
    }

    @Override
    public void open(InitializationContext context) throws Exception {
        if (!rawData) {
            json = new JsonRowDataDeserializationSchema(physical, InternalTypeInfo.of(physical), false, false,
                    timestampFormat);
            json.open(context);
        }
    }

    @Override
    public RowData deserialize(byte[] message) throws IOException {
        throw new UnsupportedOperationException("use deserialize(byte[], Collector)");
    }

    @Override
    public void deserialize(byte[] message, Collector<RowData> out) throws IOException {
        if (message == null) {
            return;
        }
        try {
            KinesisRecord record = KinesisRecord.decode(message);
            byte[] data = record.data();
            RowData row = rawData
                    ? GenericRowData.of(physical.getTypeAt(0).is(LogicalTypeFamily.CHARACTER_STRING)
                            ? StringData.fromBytes(data) : data)
                    : json.deserialize(data);
            Object[] meta = new Object[metadata.size()];
            for (int i = 0; i < meta.length; i++) {
                meta[i] = metadata.get(i).valueOf(record);
            }
            out.collect(rows.append(row, meta));
        } catch (IOException | RuntimeException e) {
            if (!ignoreParseErrors) {
                throw new IOException("Cannot decode Kinesis record '" + Previews.of(message) + "': " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean isEndOfStream(RowData nextElement) {
        return false;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return produced;
    }
}
