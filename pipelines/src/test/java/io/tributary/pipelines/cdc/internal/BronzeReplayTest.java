package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BronzeReplayTest {
    private static final Map<String, String> BOUND =
            Map.of(
                    "kafka:t/0", "100",
                    "kinesis:s/shardId-000000000000", "5000");

    @Test
    void kafkaEventsBeforeTheFirstOffsetReadAreReplayed() {
        assertThat(BronzeReplay.replays(BOUND, "kafka:t/0", 99)).isTrue();
        assertThat(BronzeReplay.replays(BOUND, "kafka:t/0", 100)).isFalse();
        assertThat(BronzeReplay.replays(BOUND, "kafka:t/1", 7))
                .as("a partition the source does not start past")
                .isTrue();
    }

    @Test
    void kinesisEventsUpToTheLastSequenceNumberNotReadAreReplayed() {
        assertThat(BronzeReplay.replays(BOUND, "kinesis:s/shardId-000000000000/5000", 0)).isTrue();
        assertThat(BronzeReplay.replays(BOUND, "kinesis:s/shardId-000000000000/999", 0))
                .as("compared as numbers")
                .isTrue();
        assertThat(BronzeReplay.replays(BOUND, "kinesis:s/shardId-000000000000/5001", 0)).isFalse();
        assertThat(BronzeReplay.replays(BOUND, "kinesis:s/shardId-000000000001/1", 0))
                .as("a shard the source reads from its start delivers it again")
                .isFalse();
    }
}
