package io.tributary.formats.internal;

import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;

/**
 * A format that opens an envelope (Kinesis record, DMS record) around the table's row: rows get the
 * chosen metadata appended, and an undecodable message fails with its start and the reason, or is
 * skipped with {@code ignore-parse-errors}.
 */
@Internal
public abstract class EnvelopeDeserializationSchema implements DeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final String envelope;
    private final TypeInformation<RowData> produced;
    private final boolean ignoreParseErrors;
    private final MetadataRows rows;

    protected EnvelopeDeserializationSchema(
            String envelope,
            RowType physical,
            TypeInformation<RowData> produced,
            boolean ignoreParseErrors) {
        this.envelope = envelope;
        this.produced = produced;
        this.ignoreParseErrors = ignoreParseErrors;
        this.rows = new MetadataRows(physical);
    }

    /** Emits the message's rows through {@code out}, with their metadata values. */
    protected abstract void decode(byte[] message, Emitter out) throws IOException;

    /** Collects a decoded row with its metadata values. */
    protected interface Emitter {
        void emit(RowData physical, Object[] metadata);
    }

    @Override
    public final RowData deserialize(byte[] message) {
        throw new UnsupportedOperationException("use deserialize(byte[], Collector)");
    }

    @Override
    public final void deserialize(byte[] message, Collector<RowData> out) throws IOException {
        if (message == null) {
            return;
        }
        try {
            decode(message, (row, metadata) -> out.collect(rows.append(row, metadata)));
        } catch (IOException | RuntimeException e) {
            if (!ignoreParseErrors) {
                throw new IOException(
                        "Cannot decode "
                                + envelope
                                + " record '"
                                + Previews.of(message)
                                + "': "
                                + e.getMessage(),
                        e);
            }
        }
    }

    @Override
    public final boolean isEndOfStream(RowData nextElement) {
        return false;
    }

    @Override
    public final TypeInformation<RowData> getProducedType() {
        return produced;
    }
}
