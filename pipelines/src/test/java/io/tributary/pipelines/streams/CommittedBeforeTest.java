package io.tributary.pipelines.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommittedBeforeTest {
    private static final Map<String, Map<String, Long>> HELD =
            Map.of(
                    "bronze.weblogs_raw", Map.of("kafka:t/0", 99L, "kafka:t/1", 50L),
                    "silver.weblogs_requests", Map.of("kafka:t/0", 80L, "kafka:t/1", 50L),
                    "silver.weblogs_rejects", Map.of("kafka:t/0", 97L));

    @Test
    void aFreshStartReadsFromTheLowestOffsetAnyTableLacks() {
        assertThat(CommittedOffsets.lowestNext(HELD))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                new TopicPartition("t", 0), 81L,
                                // No reject of partition 1 was ever committed: its rejects may all
                                // be missing.
                                new TopicPartition("t", 1), 0L));
    }

    @Test
    void eachTableSkipsWhatItHolds() {
        CommittedBefore held = new CommittedBefore(HELD);
        assertThat(held.eval("bronze.weblogs_raw", "kafka:t/0", 99L)).isTrue();
        assertThat(held.eval("bronze.weblogs_raw", "kafka:t/0", 100L)).isFalse();
        assertThat(held.eval("silver.weblogs_requests", "kafka:t/0", 81L)).isFalse();
        assertThat(held.eval("silver.weblogs_rejects", "kafka:t/1", 3L)).isFalse();
        assertThat(held.eval("silver.weblogs_rejects", "file:/landing/a.log", 3L))
                .as("landing rows are not held back")
                .isFalse();
    }

    @Test
    void theInsertKeepsItsColumnsAndLeavesOutWhatTheTableHolds() {
        assertThat(
                        CommittedBefore.skipCommitted(
                                "INSERT INTO bronze.t\nSELECT a, source_file, line_number FROM v",
                                "bronze.t",
                                "source_file",
                                "line_number"))
                .isEqualTo(
                        "INSERT INTO bronze.t\nSELECT * FROM (\nSELECT a, source_file, line_number FROM v\n) AS fresh"
                                + " WHERE NOT committed_before('bronze.t', source_file, line_number)");
    }

    private static final String SHARD_0 = "kinesis:s/shardId-000000000000";
    private static final String SHARD_1 = "kinesis:s/shardId-000000000001";
    private static final Map<String, Map<String, String>> SEQUENCES =
            Map.of(
                    "bronze.weblogs_raw", Map.of(SHARD_0, "1000", SHARD_1, "77"),
                    "silver.weblogs_requests", Map.of(SHARD_0, "999", SHARD_1, "77"),
                    "silver.weblogs_rejects", Map.of(SHARD_0, "1000"));

    @Test
    void aFreshKinesisStartContinuesAfterWhatEveryTableHolds() {
        assertThat(CommittedSequences.lowestHeld(SEQUENCES))
                // Shard 1: no reject committed, so it is read from its start (left out).
                .containsExactlyInAnyOrderEntriesOf(Map.of("shardId-000000000000", "999"));
    }

    @Test
    void eachTableSkipsTheKinesisRecordsItHoldsComparedAsNumbers() {
        CommittedBefore held = new CommittedBefore(HELD, SEQUENCES);
        assertThat(held.eval("bronze.weblogs_raw", SHARD_0 + "/1000", 0L)).isTrue();
        assertThat(held.eval("bronze.weblogs_raw", SHARD_0 + "/999", 0L)).isTrue();
        assertThat(held.eval("bronze.weblogs_raw", SHARD_0 + "/1001", 0L)).isFalse();
        // Longer is larger, whatever the text order says.
        assertThat(held.eval("silver.weblogs_requests", SHARD_0 + "/10000", 0L)).isFalse();
        assertThat(held.eval("silver.weblogs_rejects", SHARD_1 + "/5", 0L)).isFalse();
        assertThat(held.eval("bronze.weblogs_raw", "kafka:t/0", 99L))
                .as("Kafka rows beside them")
                .isTrue();
    }
}
