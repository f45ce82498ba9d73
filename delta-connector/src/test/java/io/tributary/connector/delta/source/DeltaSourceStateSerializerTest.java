package io.tributary.connector.delta.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.delta.testutils.StateFixtures;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/**
 * Splits and enumerator state restore from committed bytes, with the restoring source's read
 * configuration.
 */
class DeltaSourceStateSerializerTest {
    private static final DeltaReadConfig CONFIG =
            new DeltaReadConfig(
                    "file:/lake/silver/t",
                    (RowType)
                            DataTypes.ROW(
                                            DataTypes.FIELD("id", DataTypes.BIGINT()),
                                            DataTypes.FIELD("day", DataTypes.STRING()))
                                    .getLogicalType(),
                    List.of("day"),
                    List.of(),
                    Map.of());
    private static final DeltaFileSplitSerializer SPLITS = new DeltaFileSplitSerializer(CONFIG);

    private static DeltaFileSplit split(String file, RowKind kind, long skip) {
        Map<String, String> partition = new LinkedHashMap<>();
        partition.put("day", file.startsWith("null") ? null : "2025-01-31");
        return new DeltaFileSplit(
                CONFIG, "file:/lake/silver/t/" + file, 4_096, partition, skip, kind);
    }

    @Test
    void splitsOfVersionOneRestore() throws IOException {
        StateFixtures.assertRestores(
                "delta-source-split", 1, split("part-1.parquet", RowKind.INSERT, 17), SPLITS);
        StateFixtures.assertRestores(
                "delta-source-split-delete",
                1,
                split("null/part-2.parquet", RowKind.DELETE, 0),
                SPLITS);
    }

    @Test
    void enumeratorStateOfVersionOneRestores() throws IOException {
        DeltaEnumeratorState state =
                new DeltaEnumeratorState(
                        12,
                        List.of(
                                split("part-1.parquet", RowKind.INSERT, 0),
                                split("null/part-2.parquet", RowKind.DELETE, 3)));
        StateFixtures.assertRestores(
                "delta-source-enumerator", 1, state, new DeltaEnumeratorStateSerializer(SPLITS));
    }

    @Test
    void aRestoredSplitReadsWithTheRestoringSourcesConfiguration() throws IOException {
        DeltaFileSplit restored =
                SPLITS.deserialize(1, SPLITS.serialize(split("part-1.parquet", RowKind.INSERT, 5)));
        assertThat(restored.config).isSameAs(CONFIG);
        assertThat(restored.splitId()).isEqualTo("file:/lake/silver/t/part-1.parquet");
    }
}
