package io.tributary.pipelines.streams;

import static org.apache.flink.configuration.description.TextElement.text;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

/** How a Kafka record carries a text line; the option value is {@link #toString()}. */
@PublicEvolving
public enum LineRecordFormat implements DescribedEnum {
    RAW("The record value is the line, UTF-8."),
    KINESIS_JSON(
            "The record value is a Kinesis record envelope (JSON) whose base64 Data is the line; a bare line "
                    + "is accepted too.");

    private final String description;

    LineRecordFormat(String description) {
        this.description = description;
    }

    /** The option value: {@code raw}, {@code kinesis-json}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}
