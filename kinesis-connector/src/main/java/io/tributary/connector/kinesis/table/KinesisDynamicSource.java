package io.tributary.connector.kinesis.table;

import io.tributary.connector.kinesis.KinesisSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.connector.source.abilities.SupportsReadingMetadata;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** A {@code 'connector' = 'kinesis'} table: the stream's records through the table's format. */
@Internal
final class KinesisDynamicSource implements ScanTableSource, SupportsReadingMetadata {
    private final ReadableConfig options;
    private final DecodingFormat<DeserializationSchema<RowData>> format;
    private final DataType physicalType;
    private List<KinesisMetadata> metadata = List.of();
    private DataType producedType;

    KinesisDynamicSource(
            ReadableConfig options,
            DecodingFormat<DeserializationSchema<RowData>> format,
            DataType physicalType) {
        this.options = options;
        this.format = format;
        this.physicalType = physicalType;
        this.producedType = physicalType;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return format.getChangelogMode();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        DeserializationSchema<RowData> rows = format.createRuntimeDecoder(context, physicalType);
        KinesisSource<RowData> source =
                KinesisSource.<RowData>builder()
                        .configure(options)
                        .deserializer(
                                new RowsWithMetadata(
                                        rows,
                                        metadata,
                                        context.createTypeInformation(producedType)))
                        .build();
        return SourceProvider.of(source);
    }

    @Override
    public Map<String, DataType> listReadableMetadata() {
        Map<String, DataType> readable = new LinkedHashMap<>();
        for (KinesisMetadata m : KinesisMetadata.values()) {
            readable.put(m.key, m.type);
        }
        return readable;
    }

    @Override
    public void applyReadableMetadata(List<String> metadataKeys, DataType producedDataType) {
        this.metadata = metadataKeys.stream().map(KinesisMetadata::of).collect(Collectors.toList());
        this.producedType = producedDataType;
    }

    @Override
    public DynamicTableSource copy() {
        KinesisDynamicSource copy = new KinesisDynamicSource(options, format, physicalType);
        copy.metadata = new ArrayList<>(metadata);
        copy.producedType = producedType;
        return copy;
    }

    @Override
    public String asSummaryString() {
        return "Kinesis";
    }
}
