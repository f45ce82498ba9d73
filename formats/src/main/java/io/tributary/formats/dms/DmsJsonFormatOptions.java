package io.tributary.formats.dms;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.formats.json.JsonFormatOptions;

/** Options of the {@code dms-json} format (given as {@code 'dms-json.<key>'}). */
@PublicEvolving
public final class DmsJsonFormatOptions {
    private DmsJsonFormatOptions() {}

    /** Skip records that cannot be decoded instead of failing the job. */
    public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS =
            JsonFormatOptions.IGNORE_PARSE_ERRORS;

    /** 'ISO-8601' (the default) or 'SQL': how timestamp values inside {@code data} are written. */
    public static final ConfigOption<String> TIMESTAMP_FORMAT = JsonFormatOptions.TIMESTAMP_FORMAT;
}
