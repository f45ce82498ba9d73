package io.tributary.formats.kinesis;

import io.tributary.formats.internal.MetadataDecodingFormat;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonFormatOptionsUtil;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * {@code 'format' = 'kinesis-json'}: Kinesis Data Streams records as JSON envelopes (or bare
 * events) around a JSON or raw payload, with the envelope's fields as metadata columns.
 */
@Internal
public final class KinesisJsonFormatFactory implements DeserializationFormatFactory {
    public static final String IDENTIFIER = "kinesis-json";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(
                KinesisJsonFormatOptions.DATA_FORMAT,
                KinesisJsonFormatOptions.IGNORE_PARSE_ERRORS,
                KinesisJsonFormatOptions.TIMESTAMP_FORMAT);
    }

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig options) {
        FactoryUtil.validateFactoryOptions(this, options);
        String data = options.get(KinesisJsonFormatOptions.DATA_FORMAT);
        if (!data.equals("json") && !data.equals("raw")) {
            throw new ValidationException(
                    "kinesis-json.data.format must be 'json' or 'raw', got '" + data + "'");
        }
        return new Format(
                data.equals("raw"),
                options.get(KinesisJsonFormatOptions.IGNORE_PARSE_ERRORS),
                JsonFormatOptionsUtil.getTimestampFormat(options));
    }

    private static final class Format extends MetadataDecodingFormat<KinesisMetadata> {
        private final boolean rawData;
        private final boolean ignoreParseErrors;
        private final TimestampFormat timestampFormat;

        Format(boolean rawData, boolean ignoreParseErrors, TimestampFormat timestampFormat) {
            super(KinesisMetadata.values(), m -> m.key, m -> m.type);
            this.rawData = rawData;
            this.ignoreParseErrors = ignoreParseErrors;
            this.timestampFormat = timestampFormat;
        }

        @Override
        protected DeserializationSchema<RowData> decoder(
                RowType physical,
                List<KinesisMetadata> metadata,
                TypeInformation<RowData> produced) {
            return new KinesisJsonDeserializationSchema(
                    physical, rawData, metadata, produced, ignoreParseErrors, timestampFormat);
        }

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }
    }
}
