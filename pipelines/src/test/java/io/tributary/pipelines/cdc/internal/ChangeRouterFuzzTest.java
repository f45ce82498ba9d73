package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.cdc.CdcFormat;
import io.tributary.pipelines.cdc.CdcTableSpec;
import io.tributary.pipelines.testutils.RecordMutator;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Thousands of mutated change events of a table with every column type the CDC job supports: none
 * stops the router, and each lands exactly once, in bronze (with its typed change or a silver
 * rejects row) or in the bronze rejects.
 */
class ChangeRouterFuzzTest {
    private static final int RECORDS = 3_000;
    private static final String ROW =
            "{\"id\":7,\"flag\":true,\"tiny\":1,\"small\":300,\"num\":70000,\"big\":5000000000,"
                    + "\"f\":1.5,\"d\":2.25,\"amount\":\"12.34\",\"day\":\"2024-03-01\",\"at\":\"2024-03-01T10:00:00.123Z\","
                    + "\"atl\":1709287200123456,\"name\":\"wrench\",\"blob\":\"AAEC\"}";

    private static String event(CdcFormat format) {
        return format == CdcFormat.DEBEZIUM_JSON
                ? "{\"before\":"
                        + ROW
                        + ",\"after\":"
                        + ROW
                        + ",\"source\":{\"db\":\"shop\",\"schema\":\"public\","
                        + "\"table\":\"kinds\",\"ts_ms\":1700000000123,\"lsn\":24023128},\"op\":\"u\",\"ts_ms\":1700000000999}"
                : "{\"data\":"
                        + ROW
                        + ",\"before-image\":"
                        + ROW
                        + ",\"metadata\":{\"timestamp\":"
                        + "\"2024-03-01T10:00:00.123456Z\",\"record-type\":\"data\",\"operation\":\"update\","
                        + "\"schema-name\":\"public\",\"table-name\":\"kinds\",\"transaction-id\":42}}";
    }

    private static CdcTableSpec spec(CdcFormat format) {
        return CdcTableSpec.builder()
                .source("public.kinds")
                .domain("fuzz")
                .topic("t")
                .format(format)
                .primaryKey(List.of("id"))
                .column("id", "BIGINT")
                .column("flag", "BOOLEAN")
                .column("tiny", "TINYINT")
                .column("small", "SMALLINT")
                .column("num", "INT")
                .column("big", "BIGINT")
                .column("f", "FLOAT")
                .column("d", "DOUBLE")
                .column("amount", "DECIMAL(10, 2)")
                .column("day", "DATE")
                .column("at", "TIMESTAMP(3)")
                .column("atl", "TIMESTAMP_LTZ(6)")
                .column("name", "STRING")
                .column("blob", "BYTES")
                .build();
    }

    @ParameterizedTest
    @EnumSource(CdcFormat.class)
    void everyMutatedEventLandsOnceAndNoneStopsTheRouter(CdcFormat format) throws Exception {
        CdcTableSpec spec = spec(format);
        ChangeRouter router = new ChangeRouter(List.of(spec), Map.of("t", format), true);
        RecordMutator mutator = new RecordMutator(format.ordinal() * 1_000L + 5);
        try (OneInputStreamOperatorTestHarness<RowData, RowData> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(router))) {
            harness.open();
            String good = event(format);
            harness.processElement(
                    input(0, good.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
            assertThat(harness.getSideOutput(ChangeRouter.changesOf(spec)))
                    .as("the unmutated event applies")
                    .hasSize(1);
            for (int i = 1; i <= RECORDS; i++) {
                int bronzeBefore = bronze(harness);
                int landedBefore =
                        bronzeBefore
                                + size(harness.getSideOutput(ChangeRouter.BRONZE_REJECTS))
                                + size(harness.getSideOutput(ChangeRouter.CONTROL));
                int typedBefore =
                        size(harness.getSideOutput(ChangeRouter.changesOf(spec)))
                                + size(harness.getSideOutput(ChangeRouter.SILVER_REJECTS));
                byte[] record = mutator.mutate(good);
                harness.processElement(input(i, record), i);
                int landed =
                        bronze(harness)
                                + size(harness.getSideOutput(ChangeRouter.BRONZE_REJECTS))
                                + size(harness.getSideOutput(ChangeRouter.CONTROL))
                                - landedBefore;
                int typed =
                        size(harness.getSideOutput(ChangeRouter.changesOf(spec)))
                                + size(harness.getSideOutput(ChangeRouter.SILVER_REJECTS))
                                - typedBefore;
                String what = new String(record, java.nio.charset.StandardCharsets.UTF_8);
                assertThat(landed).as("in bronze or its rejects, once: %.300s", what).isEqualTo(1);
                int inBronze = bronze(harness) - bronzeBefore;
                // An update whose key was mutated moves the row: the old key's delete comes with
                // it.
                assertThat(typed)
                        .as("typed or in the silver rejects: %.300s", what)
                        .isBetween(inBronze, 2 * inBronze);
            }
            assertThat(size(harness.getSideOutput(ChangeRouter.BRONZE_REJECTS)))
                    .as("the mutations broke many envelopes")
                    .isGreaterThan(RECORDS / 4);
            assertThat(size(harness.getSideOutput(ChangeRouter.SILVER_REJECTS)))
                    .as("and many column values")
                    .isGreaterThan(RECORDS / 20);
        }
    }

    private static int bronze(OneInputStreamOperatorTestHarness<RowData, RowData> harness) {
        return harness.getOutput().size();
    }

    private static int size(java.util.Collection<?> output) {
        return output == null ? 0 : output.size();
    }

    private static RowData input(long offset, byte[] payload) {
        return GenericRowData.of(
                StringData.fromString("t"), StringData.fromString("kafka:t/0"), offset, payload);
    }
}
