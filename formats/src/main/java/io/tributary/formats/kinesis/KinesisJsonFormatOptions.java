package io.tributary.formats.kinesis;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.formats.json.JsonFormatOptions;

/** Options of the {@code kinesis-json} format (given as {@code 'kinesis-json.<key>'}). */
@PublicEvolving
public final class KinesisJsonFormatOptions {
    private KinesisJsonFormatOptions() {}

    public static final ConfigOption<String> DATA_FORMAT =
            ConfigOptions.key("data.format")
                    .stringType()
                    .defaultValue("json")
                    .withDescription(
                            "What the record's Data holds: 'json' (an object of the table's columns) or "
                                    + "'raw' (UTF-8 text or bytes, for a table with one STRING or BYTES column).");

    /** Skip records that cannot be decoded instead of failing the job. */
    public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS =
            JsonFormatOptions.IGNORE_PARSE_ERRORS;

    /** 'ISO-8601' (the default) or 'SQL': how timestamp values inside a JSON Data are written. */
    public static final ConfigOption<String> TIMESTAMP_FORMAT = JsonFormatOptions.TIMESTAMP_FORMAT;
}
