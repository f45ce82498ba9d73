package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.CdcFormat;
import io.tributary.pipelines.cdc.CdcTableSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/**
 * Debezium's placeholder for an unchanged TOASTed column keeps the column's earlier value, in the
 * current state and in the SCD2 history; with no earlier value known, the update is a silver
 * reject.
 */
class UnavailableValuesTest {
    private static final CdcTableSpec DOCS =
            CdcTableSpec.builder()
                    .source("public.docs")
                    .domain("cms")
                    .topic("t")
                    .format(CdcFormat.DEBEZIUM_JSON)
                    .primaryKey(List.of("id"))
                    .history(true)
                    .column("id", "BIGINT")
                    .column("body", "STRING")
                    .column("image", "BYTES")
                    .column("title", "STRING")
                    .build();

    private static RowData change(long id, String body, byte[] image, String title, long micros) {
        GenericRowData row =
                GenericRowData.of(
                        id,
                        StringData.fromString(body),
                        image,
                        StringData.fromString(title),
                        micros,
                        StringData.fromString(String.format("%020d", micros)),
                        StringData.fromString("kafka:t/0"),
                        micros);
        row.setRowKind(RowKind.UPDATE_AFTER);
        return row;
    }

    private static final byte[] PLACEHOLDER_BYTES =
            UnavailableValues.PLACEHOLDER.getBytes(StandardCharsets.UTF_8);

    @Test
    void theCurrentRowKeepsTheValueThePlaceholderStandsFor() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, RowData, RowData> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new CurrentStateFunction(DOCS, Duration.ofHours(1))),
                        new ChangeKeys(DOCS),
                        Types.STRING)) {
            harness.open();
            harness.processElement(change(1, "a long body", new byte[] {1, 2}, "v1", 10), 0);
            harness.processElement(
                    change(1, UnavailableValues.PLACEHOLDER, PLACEHOLDER_BYTES, "v2", 20), 0);
            harness.processElement(
                    change(2, UnavailableValues.PLACEHOLDER, new byte[] {9}, "orphan", 30), 0);

            List<String> out =
                    harness.extractOutputValues().stream()
                            .map(
                                    r ->
                                            r.getRowKind().shortString()
                                                    + " "
                                                    + r.getLong(0)
                                                    + " "
                                                    + r.getString(1)
                                                    + " "
                                                    + r.getBinary(2).length
                                                    + " "
                                                    + r.getString(3))
                            .collect(Collectors.toList());
            assertThat(out)
                    .containsExactly(
                            "+I 1 a long body 2 v1",
                            "-U 1 a long body 2 v1",
                            "+U 1 a long body 2 v2");
            assertThat(harness.getSideOutput(CurrentStateFunction.UNRESOLVED))
                    .singleElement()
                    .extracting(StreamRecord::getValue)
                    .satisfies(
                            r -> {
                                assertThat(r.getString(3).toString())
                                        .startsWith("column(s) [body] hold Debezium's");
                                assertThat(r.getString(5) + "@" + r.getLong(6))
                                        .as("the record it came from")
                                        .isEqualTo("kafka:t/0@30");
                            });
        }
    }

    @Test
    void theHistoryVersionKeepsItToo() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, RowData, RowData> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new HistoryFunction(DOCS)),
                        new ChangeKeys(DOCS),
                        Types.STRING)) {
            harness.open();
            harness.processElement(change(1, "a long body", new byte[] {1, 2}, "v1", 10), 0);
            harness.processElement(
                    change(1, UnavailableValues.PLACEHOLDER, PLACEHOLDER_BYTES, "v2", 20), 0);
            List<String> current =
                    harness.extractOutputValues().stream()
                            .filter(
                                    r ->
                                            r.getRowKind() == RowKind.INSERT
                                                    || r.getRowKind() == RowKind.UPDATE_AFTER)
                            .filter(r -> r.getBoolean(6))
                            .map(
                                    r ->
                                            r.getString(1)
                                                    + " "
                                                    + r.getBinary(2).length
                                                    + " "
                                                    + r.getString(3))
                            .collect(Collectors.toList());
            assertThat(current).last().isEqualTo("a long body 2 v2");
        }
    }
}
