package io.tributary.formats.dms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

class DmsRecordTest {
    private static DmsRecord decode(String json) throws Exception {
        return DmsRecord.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String record(String type, String operation, String extra) {
        return "{"
                + extra
                + "\"metadata\":{\"timestamp\":\"2024-03-01T10:00:00.123456Z\",\"record-type\":\""
                + type
                + "\",\"operation\":\""
                + operation
                + "\",\"schema-name\":\"shop\",\"table-name\":\"orders\"}}";
    }

    @Test
    void operationsBecomeRowKinds() throws Exception {
        assertThat(decode(record("data", "load", "\"data\":{\"id\":1},")).changes())
                .extracting(c -> c.kind)
                .containsExactly(RowKind.INSERT);
        assertThat(
                        decode(
                                        record(
                                                "data",
                                                "update",
                                                "\"data\":{\"id\":1},\"before-image\":{\"id\":1},"))
                                .changes())
                .extracting(c -> c.kind)
                .containsExactly(RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
        assertThat(decode(record("data", "update", "\"data\":{\"id\":1},")).changes())
                .extracting(c -> c.kind)
                .containsExactly(RowKind.UPDATE_AFTER);
        DmsRecord delete = decode(record("data", "delete", "\"data\":{\"id\":1},"));
        assertThat(delete.changes()).extracting(c -> c.kind).containsExactly(RowKind.DELETE);
        assertThat(delete.timestamp()).isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
        assertThat(delete.tableName()).isEqualTo("orders");
    }

    @Test
    void anEmptyBeforeImageIsNoBeforeImage() throws Exception {
        assertThat(
                        decode(record("data", "update", "\"data\":{\"id\":1},\"before-image\":{},"))
                                .changes())
                .extracting(c -> c.kind)
                .containsExactly(RowKind.UPDATE_AFTER);
    }

    @Test
    void transactionDetailsGiveTheCommitTimeAndLogPosition() throws Exception {
        DmsRecord record =
                decode(
                        "{\"data\":{\"id\":1},\"metadata\":{\"timestamp\":\"2024-07-29T00:58:17.983670Z\","
                                + "\"commit-timestamp\":\"2024-07-29T00:58:17.974340Z\",\"record-type\":\"data\",\"operation\":\"insert\","
                                + "\"stream-position\":\"00000002/7C007178.3.00000002/7C007178\",\"transaction-record-id\":3}}");
        assertThat(record.commitTimestamp())
                .isEqualTo(Instant.parse("2024-07-29T00:58:17.974340Z"));
        assertThat(record.logPosition())
                .isEqualTo("00000002/7C007178.3.00000002/7C007178/00000000000000000003");

        DmsRecord plain = decode(record("data", "insert", "\"data\":{\"id\":1},"));
        assertThat(plain.commitTimestamp())
                .as("without details, the record's timestamp")
                .isEqualTo(Instant.parse("2024-03-01T10:00:00.123456Z"));
        assertThat(plain.logPosition()).isEmpty();
    }

    @Test
    void controlRecordsCarryNoRows() throws Exception {
        DmsRecord control = decode(record("control", "drop-table", "\"control\":{},"));
        assertThat(control.isControl()).isTrue();
        assertThat(control.changes()).isEmpty();
        assertThat(control.operation()).isEqualTo("drop-table");
    }

    @Test
    void malformedRecordsSayWhy() {
        assertThatThrownBy(() -> decode("not json")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> decode("{\"data\":{}}"))
                .hasMessageContaining("no metadata object");
        assertThatThrownBy(() -> decode(record("data", "merge", "\"data\":{},")))
                .hasMessageContaining("operation 'merge'");
        assertThatThrownBy(() -> decode(record("data", "insert", "")))
                .hasMessageContaining("without a data object");
        assertThatThrownBy(() -> decode(record("audit", "insert", "\"data\":{},")))
                .hasMessageContaining("record-type 'audit'");
    }
}
