package io.tributary.pipelines.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.weblogs.WeblogsOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class LineRecordDeserializerTest {
    private static final String LINE =
            "10.0.0.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5  ";

    /**
     * (line, source_file, line_number, origin, decode_error) of one record at partition 1, offset
     * 42.
     */
    private static String decode(LineRecordFormat format, String value) {
        List<RowData> out = new ArrayList<>();
        new LineRecordDeserializer(format)
                .deserialize(
                        new ConsumerRecord<>(
                                "weblogs.lines",
                                1,
                                42L,
                                null,
                                value.getBytes(StandardCharsets.UTF_8)),
                        new Collector<>() {
                            @Override
                            public void collect(RowData row) {
                                out.add(row);
                            }

                            @Override
                            public void close() {}
                        });
        assertThat(out).hasSize(1);
        RowData row = out.get(0);
        return row.getString(0)
                + "|"
                + row.getString(1)
                + "|"
                + row.getLong(2)
                + "|"
                + row.getString(3)
                + "|"
                + (row.isNullAt(4) ? null : row.getString(4));
    }

    @Test
    void aRawRecordIsItsLineWithoutTheTerminatorButWithTrailingSpaces() {
        assertThat(decode(LineRecordFormat.RAW, LINE + "\r\n"))
                .isEqualTo(LINE + "|kafka:weblogs.lines/1|42|stream|null");
    }

    @Test
    void aRecordHoldingSeveralLinesIsRejectedWholeNotSplit() {
        assertThat(decode(LineRecordFormat.RAW, LINE + "\n" + LINE))
                .isEqualTo(
                        LINE
                                + "\n"
                                + LINE
                                + "|kafka:weblogs.lines/1|42|stream|record holds more than one line");
    }

    @Test
    void kinesisEnvelopesAreOpenedAndBrokenOnesKeepTheirPayloadAndReason() {
        String envelope =
                "{\"Data\":\""
                        + Base64.getEncoder().encodeToString(LINE.getBytes(StandardCharsets.UTF_8))
                        + "\"}";
        assertThat(decode(LineRecordFormat.KINESIS_JSON, envelope))
                .isEqualTo(LINE + "|kafka:weblogs.lines/1|42|stream|null");
        assertThat(decode(LineRecordFormat.KINESIS_JSON, LINE))
                .as("a bare line")
                .startsWith(LINE + "|");
        assertThat(decode(LineRecordFormat.KINESIS_JSON, "{\"Data\":7}"))
                .isEqualTo(
                        "{\"Data\":7}|kafka:weblogs.lines/1|42|stream|Kinesis record Data must be a base64 string, got NUMBER");
    }

    @Test
    void formatNamesAreTheOptionValues() {
        assertThat(
                        org.apache.flink.configuration.Configuration.fromMap(
                                        java.util.Map.of(
                                                WeblogsOptions.FORMAT.key(), "kinesis-json"))
                                .get(WeblogsOptions.FORMAT))
                .isEqualTo(LineRecordFormat.KINESIS_JSON);
        assertThat(
                        org.apache.flink.configuration.Configuration.fromMap(
                                        java.util.Map.of(WeblogsOptions.FORMAT.key(), "RAW"))
                                .get(WeblogsOptions.FORMAT))
                .isEqualTo(LineRecordFormat.RAW);
    }

    /**
     * Every mutated Kinesis envelope (1e400 arrival times, huge strings, deep nesting, noise) is
     * one row.
     */
    @Test
    void everyMutatedEnvelopeIsExactlyOneRowAndNoneThrows() {
        String good =
                "{\"Data\":\""
                        + Base64.getEncoder().encodeToString(LINE.getBytes(StandardCharsets.UTF_8))
                        + "\",\"PartitionKey\":\"k\",\"SequenceNumber\":\"4955\",\"ApproximateArrivalTimestamp\":1709287200.123}";
        io.tributary.pipelines.testutils.RecordMutator mutator =
                new io.tributary.pipelines.testutils.RecordMutator(3);
        int rejected = 0;
        for (int i = 0; i < 3_000; i++) {
            String row =
                    decode(
                            LineRecordFormat.KINESIS_JSON,
                            new String(mutator.mutate(good), StandardCharsets.UTF_8));
            rejected += row.endsWith("|null") ? 0 : 1;
        }
        assertThat(rejected).as("many envelopes broken, each still a row").isGreaterThan(300);
        assertThat(decode(LineRecordFormat.KINESIS_JSON, good.replace("1709287200.123", "1e400")))
                .endsWith("ApproximateArrivalTimestamp Infinity is outside years 1970-9999");
    }
}
