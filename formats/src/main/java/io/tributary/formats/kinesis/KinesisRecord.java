package io.tributary.formats.kinesis;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Kinesis Data Streams record as it reaches us over Kafka or a file: either the record envelope
 * as JSON ({@code Data} base64, {@code PartitionKey}, {@code SequenceNumber}, {@code
 * ApproximateArrivalTimestamp} — the shape of the Kinesis API and of its SDKs), the same under a
 * {@code kinesis} field with camel-case names (a Lambda event record), or the bare event itself.
 * Anything that is not a JSON object with a {@code Data} field is a bare event.
 */
@PublicEvolving
public final class KinesisRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FIRST_ARRIVAL = Instant.EPOCH;
    private static final Instant LAST_ARRIVAL = Instant.parse("9999-12-31T23:59:59.999Z");

    private final byte[] data;
    private final String partitionKey;
    private final String sequenceNumber;
    private final Instant approximateArrival;
    private final boolean enveloped;

    private KinesisRecord(
            byte[] data,
            String partitionKey,
            String sequenceNumber,
            Instant approximateArrival,
            boolean enveloped) {
        this.data = data;
        this.partitionKey = partitionKey;
        this.sequenceNumber = sequenceNumber;
        this.approximateArrival = approximateArrival;
        this.enveloped = enveloped;
    }

    /**
     * Decodes a message.
     *
     * @throws InvalidRecordException when the message is an envelope whose fields are malformed
     */
    public static KinesisRecord decode(byte[] message) throws InvalidRecordException {
        JsonNode root = envelopeOrNull(message);
        if (root == null) {
            return new KinesisRecord(message, null, null, null, false);
        }
        JsonNode record = root.has("kinesis") ? root.get("kinesis") : root;
        JsonNode data = field(record, "Data");
        if (!data.isTextual()) {
            throw new InvalidRecordException(
                    "Kinesis record Data must be a base64 string, got " + data.getNodeType());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(
                    "Kinesis record Data is not base64: " + e.getMessage());
        }
        return new KinesisRecord(
                bytes,
                text(field(record, "PartitionKey")),
                text(field(record, "SequenceNumber")),
                arrival(field(record, "ApproximateArrivalTimestamp")),
                true);
    }

    /** The record's payload: the decoded {@code Data}, or the whole message for a bare event. */
    public byte[] data() {
        return data;
    }

    /** Null for a bare event. */
    public String partitionKey() {
        return partitionKey;
    }

    /** Null for a bare event. */
    public String sequenceNumber() {
        return sequenceNumber;
    }

    /** Null for a bare event or an envelope without it. */
    public Instant approximateArrival() {
        return approximateArrival;
    }

    public boolean enveloped() {
        return enveloped;
    }

    private static JsonNode envelopeOrNull(byte[] message) {
        int first = 0;
        while (first < message.length && Character.isWhitespace(message[first])) {
            first++;
        }
        if (first == message.length || message[first] != '{') {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(message);
            JsonNode record = root.has("kinesis") ? root.get("kinesis") : root;
            return record.isObject() && !field(record, "Data").isMissingNode() ? root : null;
        } catch (IOException e) {
            return null; // not JSON: a bare event
        }
    }

    /**
     * A field by its API name ({@code PartitionKey}) or its camel-case name ({@code partitionKey}).
     */
    private static JsonNode field(JsonNode record, String name) {
        JsonNode value = record.path(name);
        if (value.isMissingNode()) {
            value = record.path(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /**
     * Epoch seconds with a fraction (the API's JSON), epoch milliseconds, or an ISO-8601 instant.
     */
    private static Instant arrival(JsonNode node) throws InvalidRecordException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            try {
                BigDecimal value = node.decimalValue();
                // Seconds until the year 5138; anything larger is milliseconds.
                BigDecimal millis =
                        value.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0
                                ? value.movePointRight(3)
                                : value;
                return inRange(
                        Instant.ofEpochMilli(
                                millis.setScale(0, RoundingMode.FLOOR).longValueExact()),
                        node);
            } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
                throw outOfRange(node); // 1e400 (infinity) or an epoch no long holds
            }
        }
        try {
            return inRange(Instant.parse(node.asText()), node);
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(
                    "Kinesis record ApproximateArrivalTimestamp '"
                            + node.asText()
                            + "' is neither epoch seconds nor an ISO-8601 instant");
        }
    }

    private static Instant inRange(Instant instant, JsonNode node) throws InvalidRecordException {
        if (instant.isBefore(FIRST_ARRIVAL) || instant.isAfter(LAST_ARRIVAL)) {
            throw outOfRange(node);
        }
        return instant;
    }

    private static InvalidRecordException outOfRange(JsonNode node) {
        String text = node.asText();
        return new InvalidRecordException(
                "Kinesis record ApproximateArrivalTimestamp "
                        + (text.length() > 80 ? text.substring(0, 80) + "…" : text)
                        + " is outside years 1970-9999");
    }

    /** A message that claims to be a Kinesis record envelope but is not a valid one. */
    @PublicEvolving
    public static final class InvalidRecordException extends IOException {
        private static final long serialVersionUID = 1L;

        public InvalidRecordException(String message) {
            super(message);
        }
    }
}
