package io.tributary.connector.kinesis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.kinesis.CredentialsProvider;
import io.tributary.connector.kinesis.InitialPosition;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.SequenceNumberRange;
import software.amazon.awssdk.services.kinesis.model.Shard;

class ShardStartsTest {
    private static final Shard OPEN =
            Shard.builder()
                    .shardId("shardId-000000000004")
                    .parentShardId("shardId-000000000001")
                    .sequenceNumberRange(
                            SequenceNumberRange.builder().startingSequenceNumber("1").build())
                    .build();
    private static final Shard CLOSED =
            Shard.builder()
                    .shardId("shardId-000000000001")
                    .sequenceNumberRange(
                            SequenceNumberRange.builder()
                                    .startingSequenceNumber("1")
                                    .endingSequenceNumber("9")
                                    .build())
                    .build();

    @Test
    void theInitialPositionAppliesOnlyToTheFirstListingOfASourceWithNothingToContinue() {
        KinesisSourceConfig latest = config(InitialPosition.LATEST, Map.of());
        assertThat(ShardStarts.positionOf(OPEN, true, latest)).isEqualTo(StartingPosition.latest());
        assertThat(ShardStarts.positionOf(CLOSED, true, latest)).isNull();
        // Found later: a child of a shard being read, so from its beginning.
        assertThat(ShardStarts.positionOf(OPEN, false, latest))
                .isEqualTo(StartingPosition.trimHorizon());

        KinesisSourceConfig atTime = config(InitialPosition.AT_TIMESTAMP, Map.of());
        assertThat(ShardStarts.positionOf(CLOSED, true, atTime))
                .isEqualTo(StartingPosition.atTimestamp(1234L));
    }

    @Test
    void aSourceToldWhereToContinueStartsOtherShardsAtTheirBeginning() {
        KinesisSourceConfig resumed =
                config(InitialPosition.LATEST, Map.of("shardId-000000000001", "7"));
        assertThat(ShardStarts.positionOf(CLOSED, true, resumed))
                .isEqualTo(StartingPosition.afterSequenceNumber("7"));
        assertThat(ShardStarts.positionOf(OPEN, true, resumed))
                .isEqualTo(StartingPosition.trimHorizon());
    }

    @Test
    void parentsAndOwners() {
        Shard merged = OPEN.toBuilder().adjacentParentShardId("shardId-000000000002").build();
        assertThat(ShardStarts.parentsOf(merged))
                .containsExactly("shardId-000000000001", "shardId-000000000002");
        assertThat(ShardStarts.parentsOf(CLOSED)).isEmpty();
        assertThat(ShardStarts.ownerOf("shardId-000000000007", 4)).isEqualTo(3);
        assertThat(ShardStarts.ownerOf("odd", 4)).isBetween(0, 3);
    }

    private static KinesisSourceConfig config(
            InitialPosition position, Map<String, String> continueAfter) {
        return new KinesisSourceConfig(
                null,
                "s",
                "us-east-1",
                null,
                CredentialsProvider.AUTO,
                null,
                null,
                position,
                1234L,
                1000,
                100,
                100,
                false,
                continueAfter);
    }
}
