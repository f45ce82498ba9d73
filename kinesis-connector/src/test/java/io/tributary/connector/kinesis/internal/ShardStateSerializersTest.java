package io.tributary.connector.kinesis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardStateSerializersTest {

    @Test
    void splitsRoundTripWithEveryKindOfStart() throws IOException {
        for (StartingPosition position :
                List.of(
                        StartingPosition.trimHorizon(),
                        StartingPosition.latest(),
                        StartingPosition.atTimestamp(1_700_000_000_123L),
                        StartingPosition.afterSequenceNumber(
                                "49680858156491962851841819149766901185941337139027378194"))) {
            ShardSplit split =
                    new ShardSplit(
                            "shardId-000000000006",
                            List.of("shardId-000000000002", "shardId-000000000003"),
                            position,
                            1_700_000_000_999L);
            ShardSplitSerializer serializer = ShardSplitSerializer.INSTANCE;
            assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split)))
                    .isEqualTo(split);
        }
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        EnumeratorState state =
                new EnumeratorState(
                        List.of("shardId-000000000000"),
                        List.of("shardId-000000000004", "shardId-000000000005"),
                        List.of(
                                new ShardSplit(
                                        "shardId-000000000007",
                                        List.of("shardId-000000000004"),
                                        StartingPosition.trimHorizon(),
                                        ShardSplit.NEVER)),
                        42L);
        EnumeratorStateSerializer serializer = EnumeratorStateSerializer.INSTANCE;
        EnumeratorState back =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
        assertThat(back.finished).containsExactly("shardId-000000000000");
        assertThat(back.assigned).containsExactly("shardId-000000000004", "shardId-000000000005");
        assertThat(back.pending).containsExactlyElementsOf(state.pending);
        assertThat(back.firstListedMillis).isEqualTo(42L);
    }

    @Test
    void anUnknownVersionIsRefused() {
        assertThatThrownBy(() -> ShardSplitSerializer.INSTANCE.deserialize(99, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 99");
    }

    @Test
    void aCheckpointContinuesAfterTheLastRecordHandedOn() {
        ShardSplit split =
                new ShardSplit("shardId-000000000001", List.of(), StartingPosition.latest(), 5L);
        ShardSplitState state = new ShardSplitState(split);
        assertThat(state.toSplit()).isEqualTo(split);
        state.emitted("123");
        assertThat(state.toSplit().startingPosition())
                .isEqualTo(StartingPosition.afterSequenceNumber("123"));
        assertThat(state.toSplit().stopAfterMillis()).isEqualTo(5L);
    }
}
