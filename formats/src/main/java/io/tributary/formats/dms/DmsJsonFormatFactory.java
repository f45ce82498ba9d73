package io.tributary.formats.dms;

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
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * {@code 'format' = 'dms-json'}: AWS DMS change records as a changelog. Updates carry a
 * before-image only when the DMS task sends one (BeforeImageSettings); without it, declare a
 * primary key on the sink so that the update is applied by key.
 */
@Internal
public final class DmsJsonFormatFactory implements DeserializationFormatFactory {
    public static final String IDENTIFIER = "dms-json";

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
                DmsJsonFormatOptions.IGNORE_PARSE_ERRORS, DmsJsonFormatOptions.TIMESTAMP_FORMAT);
    }

    @Override
    public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
            DynamicTableFactory.Context context, ReadableConfig options) {
        FactoryUtil.validateFactoryOptions(this, options);
        return new Format(
                options.get(DmsJsonFormatOptions.IGNORE_PARSE_ERRORS),
                JsonFormatOptionsUtil.getTimestampFormat(options));
    }

    private static final class Format extends MetadataDecodingFormat<DmsMetadata> {
        private final boolean ignoreParseErrors;
        private final TimestampFormat timestampFormat;

        Format(boolean ignoreParseErrors, TimestampFormat timestampFormat) {
            super(DmsMetadata.values(), m -> m.key, m -> m.type);
            this.ignoreParseErrors = ignoreParseErrors;
            this.timestampFormat = timestampFormat;
        }

        @Override
        protected DeserializationSchema<RowData> decoder(
                RowType physical, List<DmsMetadata> metadata, TypeInformation<RowData> produced) {
            return new DmsJsonDeserializationSchema(
                    physical, metadata, produced, ignoreParseErrors, timestampFormat);
        }

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.all();
        }
    }
}
