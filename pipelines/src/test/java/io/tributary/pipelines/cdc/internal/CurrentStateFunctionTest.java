package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.CdcFormat;
import io.tributary.pipelines.cdc.CdcTableSpec;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/**
 * The current state's memory of deletes and of placeholders it could not fill, with processing time
 * moved by the test (no waiting).
 */
class CurrentStateFunctionTest {
    private static final CdcTableSpec ORDERS =
            CdcTableSpec.builder()
                    .source("public.orders")
                    .domain("shop")
                    .topic("t")
                    .format(CdcFormat.DEBEZIUM_JSON)
                    .primaryKey(List.of("id"))
                    .history(true)
                    .column("id", "BIGINT")
                    .column("note", "STRING")
                    .build();

    private static RowData change(RowKind kind, long id, String note, long micros) {
        GenericRowData row =
                GenericRowData.of(
                        id,
                        StringData.fromString(note),
                        micros,
                        StringData.fromString(String.format("%020d", micros)),
                        StringData.fromString("kafka:t/0"),
                        micros);
        row.setRowKind(kind);
        return row;
    }

    private static List<String> run(Duration deletedKeyRetention, RowData... changes)
            throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, RowData, RowData> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new CurrentStateFunction(ORDERS, deletedKeyRetention)),
                        new ChangeKeys(ORDERS),
                        Types.STRING)) {
            harness.open();
            harness.setProcessingTime(0);
            for (RowData change : changes) {
                harness.processElement(change, 0);
                harness.setProcessingTime(
                        harness.getProcessingTime() + Duration.ofHours(1).toMillis());
            }
            return harness.extractOutputValues().stream()
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

    /**
     * D12a: the history places a late change before the delete, so silver must not revive the row.
     */
    @Test
    void withoutRetentionALateChangeOlderThanADeleteNeverRevivesTheRow() throws Exception {
        List<String> out =
                run(
                        null,
                        change(RowKind.UPDATE_AFTER, 1, "t1", 10),
                        change(RowKind.DELETE, 1, "t1", 30),
                        change(RowKind.UPDATE_AFTER, 1, "t2", 20));
        assertThat(out).containsExactly("+I 1 t1", "-D 1 t1");
    }

    @Test
    void afterTheRetentionALateChangeIsTakenAsNew() throws Exception {
        List<String> out =
                run(
                        Duration.ofMinutes(1),
                        change(RowKind.UPDATE_AFTER, 1, "t1", 10),
                        change(RowKind.DELETE, 1, "t1", 30),
                        change(RowKind.UPDATE_AFTER, 1, "t2", 20));
        assertThat(out).containsExactly("+I 1 t1", "-D 1 t1", "+I 1 t2");
    }

    /**
     * An update whose placeholder cannot be filled yet (a fresh start replays the key's earlier
     * version from bronze while Kafka's newer events already arrive) does not hide that version.
     */
    @Test
    void anUnfillablePlaceholderDoesNotHideTheEarlierVersionArrivingLater() throws Exception {
        List<String> out =
                run(
                        null,
                        change(RowKind.UPDATE_AFTER, 1, UnavailableValues.PLACEHOLDER, 20),
                        change(RowKind.UPDATE_AFTER, 1, "first", 10));
        assertThat(out).containsExactly("+I 1 first");
    }
}
