package io.tributary.pipelines.kafka;

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
}
