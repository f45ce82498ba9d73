package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.CdcFormat;
import io.tributary.pipelines.cdc.CdcTableSpec;
import io.tributary.pipelines.cdc.command.OrderChangeScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/**
 * The SCD2 history is a function of the set of changes, not of their order: whatever order the
 * changes arrive in — and a job started without state sees them again, beside the versions the
 * table holds — the table the emitted changelog leaves is the same.
 */
class HistoryFunctionTest {
    private static final CdcTableSpec ORDERS =
            CdcTableSpec.builder()
                    .source("public.orders")
                    .domain("shop")
                    .topic("t")
                    .format(CdcFormat.DEBEZIUM_JSON)
                    .primaryKey(List.of("id"))
                    .history(true)
                    .column("id", "BIGINT")
                    .column("customer", "STRING")
                    .column("amount", "DECIMAL(10, 2)")
                    .column("status", "STRING")
                    .column("updated_at", "TIMESTAMP(6)")
                    .build();

    private static List<RowData> changes(List<OrderChangeScript.Change> script) throws Exception {
        List<RowData> changes = new ArrayList<>();
        long offset = 0;
        for (OrderChangeScript.Change change : script) {
            ChangeEvent event =
                    ChangeEvent.decode(
                            CdcFormat.DEBEZIUM_JSON,
                            change.debezium().getBytes(StandardCharsets.UTF_8));
            changes.addAll(
                    ChangeRouter.changes(
                            ORDERS, event, StringData.fromString("kafka:t/0"), offset++));
        }
        return changes;
    }

    /**
     * Applies the function's changelog for {@code input} to {@code table} (key: id and valid_from).
     */
    private static void apply(Map<String, GenericRowData> table, List<RowData> input)
            throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, RowData, RowData> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new HistoryFunction(ORDERS)),
                        new ChangeKeys(ORDERS),
                        Types.STRING)) {
            harness.open();
            for (RowData row : input) {
                harness.processElement(row, 0);
            }
            for (RowData out : harness.extractOutputValues()) {
                String key = out.getLong(0) + "@" + out.getTimestamp(5, 6);
                if (out.getRowKind() == RowKind.INSERT
                        || out.getRowKind() == RowKind.UPDATE_AFTER) {
                    GenericRowData kept =
                            ChangeKeys.columns(out, ChangeKeys.getters(CdcRows.history(ORDERS)), 0);
                    table.put(key, kept);
                } else {
                    table.remove(key);
                }
            }
        }
    }

    /**
     * What {@link CurrentVersions} feeds a fresh job: every version the table holds, at its
     * valid_from.
     */
    private static List<RowData> seeds(Map<String, GenericRowData> table) {
        List<RowData> seeds = new ArrayList<>();
        for (GenericRowData version : table.values()) {
            GenericRowData seed =
                    ChangeKeys.columns(version, ChangeKeys.getters(ORDERS.rowType()), 4);
            seed.setField(5, CommitTimes.micros(version.getTimestamp(5, 6)));
            seed.setField(6, StringData.fromString(""));
            seed.setRowKind(RowKind.UPDATE_AFTER);
            seeds.add(seed);
        }
        return seeds;
    }

    /**
     * A job saw part of the changes (a transaction's insert but not the delete that ended it in the
     * same commit), then one started without state sees them all again, in any order, beside the
     * versions the table holds: the table ends as the history of all the changes.
     */
    @Test
    void aFreshJobSeeingEveryChangeAgainInAnyOrderEndsWithTheHistoryOfThemAll() throws Exception {
        List<RowData> all = changes(OrderChangeScript.script(5, 30, 400));
        Map<String, GenericRowData> expected = new TreeMap<>();
        apply(expected, all);
        for (long seed = 0; seed < 20; seed++) {
            List<RowData> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(seed));
            Map<String, GenericRowData> table = new TreeMap<>();
            apply(table, shuffled.subList(0, 250));
            List<RowData> again = new ArrayList<>(seeds(table));
            again.addAll(shuffled);
            Collections.shuffle(again, new Random(seed + 100));
            apply(table, again);
            assertThat(table).as("order " + seed).isEqualTo(expected);
        }
    }
}
