package io.tributary.pipelines.kafka;

import io.tributary.pipelines.runtime.ConfigurationError;

import org.apache.flink.annotation.PublicEvolving;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a Kafka record carries a text line. */
@PublicEvolving
public enum LineRecordFormat {
    /** The record value is the line, UTF-8. */
    RAW,
    /** The record value is a Kinesis record envelope (JSON) whose {@code Data} is the line, or the bare line. */
    KINESIS_JSON;

    public static LineRecordFormat parse(String name) {
        for (LineRecordFormat f : values()) {
            if (f.optionValue().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ConfigurationError("Unknown line record format '" + name + "'",
                "use one of " + Arrays.stream(values()).map(LineRecordFormat::optionValue).collect(Collectors.joining(", ")));
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
