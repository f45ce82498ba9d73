package io.tributary.connector.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's operator uids, pinned: a savepoint's state is matched to operators by uid, so a
 * changed uid loses the committer's pending files on the next upgrade (or needs {@code
 * --allowNonRestoredState}, which drops them). Change one only with a migration.
 */
class DeltaSinkTopologyTest {
    private static final RowType ROW =
            (RowType)
                    DataTypes.ROW(
                                    DataTypes.FIELD("k", DataTypes.STRING().notNull()),
                                    DataTypes.FIELD("n", DataTypes.BIGINT()))
                            .getLogicalType();

    @TempDir Path dir;

    @Test
    void anAppendingSinksOperatorsKeepTheirUids() {
        assertThat(
                        uids(
                                DeltaSink.builder()
                                        .tablePath(dir.resolve("t").toString())
                                        .rowType(ROW)
                                        .sinkId("gold.t")))
                .containsExactly(
                        "delta-committer-gold.t", "delta-end-gold.t", "delta-writer-gold.t");
    }

    @Test
    void aChangelogSinksOperatorsKeepTheirUids() {
        assertThat(
                        uids(
                                DeltaSink.builder()
                                        .tablePath(dir.resolve("t").toString())
                                        .rowType(ROW)
                                        .sinkId("silver.t")
                                        .primaryKey(List.of("k"))
                                        .changelog(true)))
                .containsExactly(
                        "delta-changelog-writer-silver.t",
                        "delta-committer-silver.t",
                        "delta-end-silver.t");
    }

    private static List<String> uids(DeltaSink.Builder sink) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<RowData> rows =
                env.fromData(TypeInformation.of(RowData.class), (RowData) GenericRowData.of());
        sink.build().addTo(rows);
        return env.getStreamGraph().getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull)
                .sorted()
                .collect(Collectors.toList());
    }
}
