package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.delta.testutils.StateFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaCommittableSerializerTest {
    private static final DeltaCommittableSerializer SERIALIZER =
            DeltaCommittableSerializer.INSTANCE;

    static StagedFile stagedFile() {
        Map<String, String> partition = new LinkedHashMap<>();
        partition.put("event_date", "2025-01-31");
        partition.put("region", null);
        return new StagedFile(
                42,
                "s3://lake/silver/t/event_date=2025-01-31/part-00000-ab.parquet",
                123_456,
                1_738_000_000_000L,
                9_876,
                "{\"numRecords\":9876,\"minValues\":{\"id\":1}}",
                partition);
    }

    static RowChange rowChange() {
        return new RowChange(
                7,
                RowChange.Kind.DELETE,
                "a row's binary form".getBytes(StandardCharsets.UTF_8),
                0);
    }

    @Test
    void stagedFilesOfVersionOneRestore() throws IOException {
        StateFixtures.assertRestores("delta-committable-staged-file", 1, stagedFile(), SERIALIZER);
    }

    @Test
    void rowChangesOfVersionOneRestore() throws IOException {
        StateFixtures.assertRestores("delta-committable-row-change", 1, rowChange(), SERIALIZER);
        StateFixtures.assertRestores(
                "delta-committable-row-count",
                1,
                new RowChange(
                        DeltaCommittable.END_OF_INPUT,
                        RowChange.Kind.COUNT,
                        new byte[] {1, 2, 3},
                        -2),
                SERIALIZER);
    }

    @Test
    void aFileWithoutStatisticsOrPartitionRoundTrips() throws IOException {
        StagedFile bare = new StagedFile(1, "file:/t/part.parquet", 1, 2, 3, null, Map.of());
        assertThat(SERIALIZER.deserialize(1, SERIALIZER.serialize(bare))).isEqualTo(bare);
    }

    @Test
    void anUnknownVersionIsRefusedNamingIt() {
        assertThatThrownBy(() -> SERIALIZER.deserialize(9, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unrecognized version 9 of a Delta committable");
    }

    @Test
    void theLineageOfVersionOneRestores() throws IOException {
        StateFixtures.assertRestores(
                "delta-committer-lineage",
                1,
                new Lineage("gold.weblogs_summary@4f2a/lq3k2", 0),
                Lineage.Serializer.INSTANCE);
    }
}
