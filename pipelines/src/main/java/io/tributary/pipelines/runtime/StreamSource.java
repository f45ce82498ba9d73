package io.tributary.pipelines.runtime;

import static org.apache.flink.configuration.description.TextElement.text;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

/** What a streaming pipeline reads its records from; the option value is {@link #toString()}. */
@PublicEvolving
public enum StreamSource implements DescribedEnum {
    KAFKA("A Kafka topic (tributary.kafka.bootstrap-servers)."),
    KINESIS("A Kinesis data stream, by name or ARN (tributary.kinesis.*).");

    private final String description;

    StreamSource(String description) {
        this.description = description;
    }

    /** The option value: {@code kafka}, {@code kinesis}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}
