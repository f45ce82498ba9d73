package io.tributary.udfs.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

class ParseRetailEventFunctionTest {
    private static final String EVENT =
            "{\"event_id\": \"e1\", \"person_id\": 42, \"item_id\": \"i1\","
                    + " \"item_category\": \"books\", \"event_time\": \"2026-03-01T23:30:00-05:00\","
                    + " \"purchased\": true, \"price\": 12.5, \"quantity\": 2}";

    @Test
    void aRecordWhoseEnvelopeFailedKeepsThatReasonAndAnotherIsParsed() {
        List<RowData> rows = new ArrayList<>();
        ParseRetailEventFunction function = new ParseRetailEventFunction();
        function.setCollector(new ListCollector<>(rows));

        function.eval(EVENT, null, "Kinesis record Data is not base64");
        function.eval(EVENT, null, null);
        function.eval(EVENT, null);

        GenericRowData rejected = (GenericRowData) rows.get(0);
        assertThat(rejected.getString(10).toString())
                .isEqualTo("Kinesis record Data is not base64");
        assertThat(rejected.getBoolean(11)).isFalse();
        assertThat(rejected.isNullAt(0)).as("not parsed").isTrue();
        assertThat(rows.get(1).isNullAt(10)).as("%s", rows.get(1)).isTrue();
        assertThat(rows.get(1).getString(0).toString()).isEqualTo("e1");
        assertThat(rows.get(1).toString()).isEqualTo(rows.get(2).toString());
    }
}
