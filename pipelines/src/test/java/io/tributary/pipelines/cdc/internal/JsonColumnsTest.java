package io.tributary.pipelines.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.SmallIntType;
import org.apache.flink.table.types.logical.TimestampType;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void timestampsInEveryUnitAndShape() throws Exception {
        Instant expected = Instant.parse("2024-03-01T10:00:00.123456Z");
        LocalZonedTimestampType ltz = new LocalZonedTimestampType(6);
        assertThat(JsonColumns.convert(json("1709287200123456"), ltz, null))
                .as("microseconds, told by magnitude")
                .isEqualTo(TimestampData.fromInstant(expected));
        assertThat(JsonColumns.convert(json("1709287200123"), ltz, null))
                .isEqualTo(TimestampData.fromInstant(Instant.parse("2024-03-01T10:00:00.123Z")));
        assertThat(JsonColumns.convert(json("1709287200123456000"), ltz, null))
                .isEqualTo(TimestampData.fromInstant(expected));
        assertThat(JsonColumns.convert(json("\"2024-03-01 10:00:00.123456\""), ltz, null))
                .as("DMS text is UTC")
                .isEqualTo(TimestampData.fromInstant(expected));
        assertThat(JsonColumns.convert(json("\"2024-03-01T12:00:00.123456+02:00\""), ltz, null))
                .as("Debezium ZonedTimestamp")
                .isEqualTo(TimestampData.fromInstant(expected));
        assertThat(
                        JsonColumns.convert(
                                json("1000"),
                                new TimestampType(3),
                                json("{\"name\":\"io.debezium.time.MicroTimestamp\"}")))
                .as("the schema's unit wins over magnitude")
                .isEqualTo(TimestampData.fromEpochMillis(1));
        assertThatThrownBy(() -> JsonColumns.convert(json("\"yesterday\""), ltz, null))
                .hasMessageStartingWith("'yesterday' is not a timestamp");
    }

    @Test
    void decimalsAsNumbersTextOrDebeziumBytes() throws Exception {
        DecimalType type = new DecimalType(10, 2);
        assertThat(JsonColumns.convert(json("12.5"), type, null))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("12.50"), 10, 2));
        assertThat(JsonColumns.convert(json("\"12.5\""), type, null))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("12.50"), 10, 2));
        JsonNode schema =
                json(
                        "{\"name\":\"org.apache.kafka.connect.data.Decimal\",\"parameters\":{\"scale\":\"2\"}}");
        assertThat(JsonColumns.convert(json("\"AMg=\""), type, schema))
                .as("0x00C8 = 200, scale 2")
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("2.00"), 10, 2));
        assertThatThrownBy(() -> JsonColumns.convert(json("123456789012"), type, null))
                .hasMessageContaining("does not fit");
    }

    @Test
    void numbersBooleansAndDates() throws Exception {
        assertThat(JsonColumns.convert(json("\"42\""), new BigIntType(), null)).isEqualTo(42L);
        assertThatThrownBy(() -> JsonColumns.convert(json("4.2"), new BigIntType(), null))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> JsonColumns.convert(json("70000"), new SmallIntType(), null))
                .hasMessageContaining("out of range");
        assertThat(JsonColumns.convert(json("1"), new BooleanType(), null)).isEqualTo(true);
        assertThat(JsonColumns.convert(json("\"false\""), new BooleanType(), null))
                .isEqualTo(false);
        assertThat(JsonColumns.convert(json("19783"), new DateType(), null)).isEqualTo(19783);
        assertThat(JsonColumns.convert(json("\"2024-03-01\""), new DateType(), null))
                .isEqualTo((int) LocalDate.parse("2024-03-01").toEpochDay());
        assertThat(JsonColumns.convert(json("null"), new DateType(), null)).isNull();
    }

    @Test
    void valuesBeyondTheirTypeAreReasonsNotCrashesNorHangs() throws Exception {
        DecimalType money = new DecimalType(10, 2);
        assertThatThrownBy(() -> JsonColumns.convert(json("\"1e2147483647\""), money, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit DECIMAL(10, 2)");
        assertThatThrownBy(() -> JsonColumns.convert(json("\"1e1000000000\""), money, null))
                .as("never expanded to a billion digits")
                .hasMessageContaining("does not fit");
        assertThat(JsonColumns.convert(json("\"1e-1000000000\""), money, null))
                .as("far below a cent rounds to zero")
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("0.00"), 10, 2));
        assertThat(JsonColumns.convert(json("\"0.005\""), money, null))
                .isEqualTo(DecimalData.fromBigDecimal(new BigDecimal("0.01"), 10, 2));
        assertThatThrownBy(
                        () ->
                                JsonColumns.convert(
                                        json("1e400"),
                                        new org.apache.flink.table.types.logical.DoubleType(),
                                        null))
                .hasMessageContaining("out of range");
        assertThat(
                        JsonColumns.convert(
                                json("\"-Infinity\""),
                                new org.apache.flink.table.types.logical.DoubleType(),
                                null))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(
                        () ->
                                JsonColumns.convert(
                                        json("\"+300000-01-01T00:00:00Z\""),
                                        new LocalZonedTimestampType(6),
                                        null))
                .hasMessageContaining("outside years 1-9999");
        assertThatThrownBy(
                        () ->
                                JsonColumns.convert(
                                        json("123456789012345678901234567890"),
                                        new TimestampType(3),
                                        null))
                .hasMessageContaining("not a whole number in range");
        assertThatThrownBy(() -> JsonColumns.convert(json("\"10000-01-01\""), new DateType(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonColumns.convert(json("3000000"), new DateType(), null))
                .hasMessageContaining("outside years 1-9999");
    }

    @Test
    void aCommitTimeBeyondYear9999IsAnInvalidEventNotAnOverflow() {
        String dms =
                "{\"data\":{\"id\":1},\"metadata\":{\"timestamp\":\"+300000-01-01T00:00:00Z\","
                        + "\"record-type\":\"data\",\"operation\":\"insert\",\"schema-name\":\"s\",\"table-name\":\"t\"}}";
        assertThatThrownBy(
                        () ->
                                ChangeEvent.decode(
                                        io.tributary.pipelines.cdc.CdcFormat.DMS_JSON,
                                        dms.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ChangeEvent.InvalidChangeException.class)
                .hasMessageContaining("out of range");
        String debezium =
                "{\"after\":{\"id\":1},\"source\":{\"table\":\"t\",\"ts_ms\":9223372036854775},\"op\":\"c\"}";
        assertThatThrownBy(
                        () ->
                                ChangeEvent.decode(
                                        io.tributary.pipelines.cdc.CdcFormat.DEBEZIUM_JSON,
                                        debezium.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ChangeEvent.InvalidChangeException.class);
    }
}
