package io.tributary.connector.kinesis.table;

import io.tributary.connector.kinesis.KinesisDeserializationSchema;
import io.tributary.connector.kinesis.ShardRecord;
import java.io.IOException;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.utils.JoinedRowData;
import org.apache.flink.util.Collector;

/** The format's rows of a record's data, followed by the record's metadata columns. */
@Internal
final class RowsWithMetadata implements KinesisDeserializationSchema<RowData> {
    private static final long serialVersionUID = 1L;

    private final DeserializationSchema<RowData> format;
    private final KinesisMetadata[] metadata;
    private final TypeInformation<RowData> producedType;

    RowsWithMetadata(
            DeserializationSchema<RowData> format,
            List<KinesisMetadata> metadata,
            TypeInformation<RowData> producedType) {
        this.format = format;
        this.metadata = metadata.toArray(new KinesisMetadata[0]);
        this.producedType = producedType;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        format.open(context);
    }

    @Override
    public void deserialize(ShardRecord record, Collector<RowData> out) throws IOException {
        if (metadata.length == 0) {
            format.deserialize(record.data(), out);
            return;
        }
        GenericRowData extra = new GenericRowData(metadata.length);
        for (int i = 0; i < metadata.length; i++) {
            extra.setField(i, metadata[i].read.apply(record));
        }
        format.deserialize(
                record.data(),
                new Collector<>() {
                    @Override
                    public void collect(RowData row) {
                        JoinedRowData joined = new JoinedRowData(row.getRowKind(), row, extra);
                        out.collect(joined);
                    }

                    @Override
                    public void close() {}
                });
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return producedType;
    }
}
