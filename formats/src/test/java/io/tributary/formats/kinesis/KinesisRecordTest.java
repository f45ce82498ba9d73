package io.tributary.formats.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KinesisRecordTest {
    private static final String LINE =
            "10.0.0.1 - - [01/Jan/2024:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(utf8(s));
    }

    @Test
    void decodesTheApiEnvelope() throws Exception {
        KinesisRecord r =
                KinesisRecord.decode(
                        utf8(
                                "{\"Data\":\""
                                        + base64(LINE)
                                        + "\",\"PartitionKey\":\"10.0.0.1\","
                                        + "\"SequenceNumber\":\"4959\",\"ApproximateArrivalTimestamp\":1704067200.123}"));
        assertThat(r.enveloped()).isTrue();
        assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo(LINE);
        assertThat(r.partitionKey()).isEqualTo("10.0.0.1");
        assertThat(r.sequenceNumber()).isEqualTo("4959");
        assertThat(r.approximateArrival()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123Z"));
    }

    @Test
    void decodesALambdaEventRecordWithCamelCaseNames() throws Exception {
        KinesisRecord r =
                KinesisRecord.decode(
                        utf8(
                                "{\"eventSource\":\"aws:kinesis\",\"kinesis\":{\"data\":\""
                                        + base64("{\"id\":1}")
                                        + "\",\"partitionKey\":\"k\",\"sequenceNumber\":\"7\","
                                        + "\"approximateArrivalTimestamp\":\"2024-01-01T00:00:01Z\"}}"));
        assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
        assertThat(r.partitionKey()).isEqualTo("k");
        assertThat(r.approximateArrival()).isEqualTo(Instant.parse("2024-01-01T00:00:01Z"));
    }

    @Test
    void aMessageWithoutDataIsTheBareEvent() throws Exception {
        for (String bare : new String[] {LINE, "{\"id\":1,\"name\":\"x\"}", "", "{not json"}) {
            KinesisRecord r = KinesisRecord.decode(utf8(bare));
            assertThat(r.enveloped()).as(bare).isFalse();
            assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo(bare);
            assertThat(r.partitionKey()).isNull();
        }
    }

    @Test
    void aMalformedEnvelopeIsAnErrorWithTheReason() {
        assertThatThrownBy(() -> KinesisRecord.decode(utf8("{\"Data\":\"not*base64!\"}")))
                .isInstanceOf(KinesisRecord.InvalidRecordException.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> KinesisRecord.decode(utf8("{\"Data\":42}")))
                .hasMessageContaining("must be a base64 string");
        assertThatThrownBy(
                        () ->
                                KinesisRecord.decode(
                                        utf8(
                                                "{\"Data\":\"\",\"ApproximateArrivalTimestamp\":\"soon\"}")))
                .hasMessageContaining("ApproximateArrivalTimestamp 'soon'");
    }
}
