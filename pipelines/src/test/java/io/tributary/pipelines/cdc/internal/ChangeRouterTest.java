package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.CdcFormat;
import io.tributary.pipelines.cdc.CdcTableSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.junit.jupiter.api.Test;

class ChangeRouterTest {
    private static final CdcTableSpec ORDERS =
            CdcTableSpec.builder()
                    .source("shop.orders")
                    .domain("shop")
                    .topic("t")
                    .format(CdcFormat.DMS_JSON)
                    .primaryKey(List.of("id"))
                    .column("id", "BIGINT")
                    .column("note", "STRING")
                    .build();

    private static List<String> changes(String dms) throws Exception {
        try (OneInputStreamOperatorTestHarness<RowData, RowData> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new ChangeRouter(
                                        List.of(ORDERS), Map.of("t", CdcFormat.DMS_JSON), true)))) {
            harness.open();
            harness.processElement(
                    GenericRowData.of(
                            StringData.fromString("t"),
                            StringData.fromString("kafka:t/0"),
                            7L,
                            dms.getBytes(StandardCharsets.UTF_8)),
                    0);
            return harness.getSideOutput(ChangeRouter.changesOf(ORDERS)).stream()
                    .map(StreamRecord::getValue)
                    .map(
                            r ->
                                    r.getRowKind().shortString()
                                            + " "
                                            + r.getLong(0)
                                            + " "
                                            + r.getString(1))
                    .collect(Collectors.toList());
        }
    }

    private static String update(String beforeImage) {
        return "{\"data\":{\"id\":2,\"note\":\"moved\"},"
                + beforeImage
                + "\"metadata\":{\"timestamp\":"
                + "\"2024-03-01T10:00:00.123456Z\",\"record-type\":\"data\",\"operation\":\"update\","
                + "\"schema-name\":\"shop\",\"table-name\":\"orders\",\"transaction-id\":42}}";
    }

    @Test
    void anUpdateThatChangesThePrimaryKeyDeletesTheOldKey() throws Exception {
        assertThat(changes(update("\"before-image\":{\"id\":1,\"note\":\"here\"},")))
                .containsExactly("-D 1 here", "+U 2 moved");
    }

    @Test
    void anUpdateOfTheSameKeyOrWithoutABeforeImageIsOneChange() throws Exception {
        assertThat(changes(update("\"before-image\":{\"id\":2,\"note\":\"before\"},")))
                .containsExactly("+U 2 moved");
        assertThat(changes(update(""))).containsExactly("+U 2 moved");
        assertThat(changes(update("\"before-image\":{\"note\":\"only changed columns\"},")))
                .as("a before-image without the key cannot tell")
                .containsExactly("+U 2 moved");
    }
}
