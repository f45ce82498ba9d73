package io.tributary.connector.delta.internal;

import org.apache.flink.annotation.Internal;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.factory.DefaultV1ValuesWriterFactory;
import org.apache.parquet.column.values.factory.ValuesWriterFactory;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * parquet-mr's version-1 values writers, as {@link DefaultV1ValuesWriterFactory} chooses them, but
 * with {@link BinaryDictionaryWriter} and {@link LongDictionaryWriter} for the dictionaries of
 * binary and 64-bit columns: the same encodings, the same fall-back to plain pages, the same bytes.
 *
 * <p>One instance per {@link ParquetProperties}: parquet-mr's factories keep the settings of the
 * properties that initialised them last, and its default ones are shared by the whole JVM.
 */
@Internal
final class V1ValuesWriters implements ValuesWriterFactory {
    private final DefaultV1ValuesWriterFactory others = new DefaultV1ValuesWriterFactory();
    private ParquetProperties properties;

    @Override
    public void initialize(ParquetProperties properties) {
        this.properties = properties;
        others.initialize(properties);
    }

    @Override
    public ValuesWriter newValuesWriter(ColumnDescriptor column) {
        PrimitiveTypeName type = column.getPrimitiveType().getPrimitiveTypeName();
        boolean binary = type == PrimitiveTypeName.BINARY;
        boolean int64 =
                type == PrimitiveTypeName.INT64 && !properties.isByteStreamSplitEnabled(column);
        if (!properties.isDictionaryEnabled(column) || !(binary || int64)) {
            return others.newValuesWriter(column);
        }
        int maxBytes = properties.getDictionaryPageSizeThreshold();
        FlatDictionaryWriter dictionary =
                binary
                        ? new BinaryDictionaryWriter(maxBytes, properties.getAllocator())
                        : new LongDictionaryWriter(maxBytes, properties.getAllocator());
        return FallbackValuesWriter.of(
                dictionary,
                new PlainValuesWriter(
                        properties.getInitialSlabSize(),
                        properties.getPageSizeThreshold(),
                        properties.getAllocator()));
    }
}
