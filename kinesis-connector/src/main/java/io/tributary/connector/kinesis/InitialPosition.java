package io.tributary.connector.kinesis;

import static org.apache.flink.configuration.description.TextElement.text;

import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.configuration.DescribedEnum;
import org.apache.flink.configuration.description.InlineElement;

/**
 * Where a source without state reads the shards open at its start. Shards found later (children of
 * a split or a merge) are always read from their start, and a shard the source is told to continue
 * after ({@link KinesisSource.Builder#continueAfter}) is read from there. The names are the
 * official connector's ({@code source.init.position}).
 */
@PublicEvolving
public enum InitialPosition implements DescribedEnum {
    TRIM_HORIZON("From the oldest record the stream retains."),
    LATEST("From the records written after the source starts."),
    AT_TIMESTAMP(
            "From the first record that arrived at or after 'source.init.timestamp' (its"
                    + " approximate arrival time).");

    private final String description;

    InitialPosition(String description) {
        this.description = description;
    }

    @Override
    public InlineElement getDescription() {
        return text(description);
    }
}
