package io.tributary.formats.dms;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.types.RowKind;

/**
 * One AWS DMS change record in its JSON shape for Kinesis and Kafka targets: {@code {"data": {...},
 * "before-image": {...}, "metadata": {"timestamp", "record-type", "operation",
 * "partition-key-type", "schema-name", "table-name", "transaction-id", ...}}}. {@code load} and
 * {@code insert} become an insert, {@code update} an update (with its before-image when DMS sends
 * one), {@code delete} a delete; {@code control} records (create, alter, drop table and the like)
 * carry no rows.
 */
@PublicEvolving
public final class DmsRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row change: its kind and the JSON object of its column values. */
    public static final class Change {
        public final RowKind kind;
        public final JsonNode values;

        Change(RowKind kind, JsonNode values) {
            this.kind = kind;
            this.values = values;
        }
    }

    private final JsonNode root;
    private final JsonNode metadata;
    private final boolean control;
    private final List<Change> changes;

    private DmsRecord(JsonNode root, boolean control, List<Change> changes) {
        this.root = root;
        this.metadata = root.get("metadata");
        this.control = control;
        this.changes = changes;
    }

    /**
     * @throws InvalidRecordException when the message is not a DMS record this class understands
     */
    public static DmsRecord decode(byte[] message) throws InvalidRecordException {
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (IOException e) {
            throw new InvalidRecordException(
                    "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject() || !root.path("metadata").isObject()) {
            throw new InvalidRecordException("not a DMS record: no metadata object");
        }
        JsonNode metadata = root.get("metadata");
        String recordType = metadata.path("record-type").asText("");
        String operation = metadata.path("operation").asText("").toLowerCase(Locale.ROOT);
        if (recordType.equals("control")) {
            return new DmsRecord(root, true, List.of());
        }
        if (!recordType.equals("data")) {
            throw new InvalidRecordException("unknown DMS record-type '" + recordType + "'");
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new InvalidRecordException("DMS " + operation + " record without a data object");
        }
        List<Change> changes = new ArrayList<>();
        switch (operation) {
            case "load":
            case "insert":
                changes.add(new Change(RowKind.INSERT, data));
                break;
            case "update":
                if (root.path("before-image").isObject() && root.get("before-image").size() > 0) {
                    changes.add(new Change(RowKind.UPDATE_BEFORE, root.get("before-image")));
                }
                changes.add(new Change(RowKind.UPDATE_AFTER, data));
                break;
            case "delete":
                changes.add(new Change(RowKind.DELETE, data));
                break;
            default:
                throw new InvalidRecordException("unknown DMS data operation '" + operation + "'");
        }
        DmsRecord record = new DmsRecord(root, false, changes);
        record.commitTimestamp(); // fails early on a malformed commit timestamp
        return record;
    }

    /** A control record (table created, altered, dropped...): no row changes. */
    public boolean isControl() {
        return control;
    }

    public List<Change> changes() {
        return changes;
    }

    /**
     * A control record's {@code control} object (table definition, DDL), as JSON text; else null.
     */
    public String controlDetail() {
        JsonNode detail = root.path("control");
        return detail.isMissingNode() || detail.isNull() ? null : detail.toString();
    }

    public String operation() {
        return text("operation");
    }

    public String schemaName() {
        return text("schema-name");
    }

    public String tableName() {
        return text("table-name");
    }

    public String transactionId() {
        return text("transaction-id");
    }

    /** The time DMS produced the record (for a full load, the time it read the row). */
    public Instant timestamp() throws InvalidRecordException {
        return instant("timestamp");
    }

    /**
     * The source's commit time: {@code commit-timestamp} when the endpoint includes transaction
     * details, else {@link #timestamp()}.
     */
    public Instant commitTimestamp() throws InvalidRecordException {
        Instant commit = instant("commit-timestamp");
        return commit != null ? commit : timestamp();
    }

    /**
     * The change's position in the source's log, sortable as a string: {@code stream-position} and
     * the {@code transaction-record-id}, sent when the endpoint includes transaction details; empty
     * otherwise.
     */
    public String logPosition() {
        String stream = text("stream-position");
        String record = text("transaction-record-id");
        if (stream == null && record == null) {
            return "";
        }
        String padded =
                record == null ? "" : "0".repeat(Math.max(0, 20 - record.length())) + record;
        return (stream == null ? "" : stream) + "/" + padded;
    }

    private Instant instant(String field) throws InvalidRecordException {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.contains("T") ? value : value.replace(' ', 'T') + "Z");
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(
                    "DMS metadata " + field + " '" + value + "' is not an ISO-8601 instant");
        }
    }

    private String text(String field) {
        JsonNode node = metadata.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** A message that is not a DMS record this class understands. */
    @PublicEvolving
    public static final class InvalidRecordException extends IOException {
        private static final long serialVersionUID = 1L;

        public InvalidRecordException(String message) {
            super(message);
        }
    }
}
