package io.tributary.formats.debezium;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Debezium change event in its JSON shape, with or without the {@code schema}/{@code payload}
 * wrapper: {@code op} {@code c}/{@code r} (create, snapshot read), {@code u}, {@code d} or {@code
 * t} (truncate), the {@code before} and {@code after} row images and the {@code source} block
 * (database, schema, table, commit time, log position). A schema-change event (with a {@code ddl}
 * field) is a control event and carries no rows.
 */
@PublicEvolving
public final class DebeziumRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an event does. */
    public enum Operation {
        CREATE,
        READ,
        UPDATE,
        DELETE,
        TRUNCATE,
        SCHEMA_CHANGE
    }

    private final Operation operation;
    private final JsonNode payload;
    private final JsonNode source;
    private final Map<String, JsonNode> fieldSchemas;

    private DebeziumRecord(
            Operation operation, JsonNode payload, Map<String, JsonNode> fieldSchemas) {
        this.operation = operation;
        this.payload = payload;
        this.source = payload.path("source");
        this.fieldSchemas = fieldSchemas;
    }

    /**
     * @throws InvalidRecordException when the message is not a Debezium event this class
     *     understands
     */
    public static DebeziumRecord decode(byte[] message) throws InvalidRecordException {
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (IOException e) {
            throw new InvalidRecordException(
                    "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRecordException("not a Debezium event: not a JSON object");
        }
        boolean wrapped = root.has("payload") && root.has("schema");
        JsonNode payload = wrapped ? root.get("payload") : root;
        if (!payload.isObject()) {
            throw new InvalidRecordException("not a Debezium event: payload is not an object");
        }
        Map<String, JsonNode> fieldSchemas =
                wrapped ? rowFieldSchemas(root.get("schema")) : Map.of();
        if (payload.has("ddl") && !payload.has("op")) {
            return new DebeziumRecord(Operation.SCHEMA_CHANGE, payload, fieldSchemas);
        }
        Operation operation = operation(payload.path("op").asText(""));
        DebeziumRecord record = new DebeziumRecord(operation, payload, fieldSchemas);
        if (operation == Operation.DELETE && !payload.path("before").isObject()) {
            throw new InvalidRecordException("Debezium delete without a before image");
        }
        if ((operation == Operation.CREATE
                        || operation == Operation.READ
                        || operation == Operation.UPDATE)
                && !payload.path("after").isObject()) {
            throw new InvalidRecordException(
                    "Debezium '" + payload.path("op").asText() + "' event without an after image");
        }
        return record;
    }

    private static Operation operation(String op) throws InvalidRecordException {
        switch (op) {
            case "c":
                return Operation.CREATE;
            case "r":
                return Operation.READ;
            case "u":
                return Operation.UPDATE;
            case "d":
                return Operation.DELETE;
            case "t":
                return Operation.TRUNCATE;
            case "":
                throw new InvalidRecordException("not a Debezium event: no 'op' field");
            default:
                throw new InvalidRecordException("unknown Debezium op '" + op + "'");
        }
    }

    /** The schemas of the row image's fields, by column name, from a {@code schema} block. */
    private static Map<String, JsonNode> rowFieldSchemas(JsonNode schema) {
        Map<String, JsonNode> fields = new HashMap<>();
        for (JsonNode envelopeField : schema.path("fields")) {
            String name = envelopeField.path("field").asText();
            if (name.equals("after") || name.equals("before")) {
                for (JsonNode column : envelopeField.path("fields")) {
                    fields.putIfAbsent(column.path("field").asText(), column);
                }
            }
        }
        return fields;
    }

    public Operation operation() {
        return operation;
    }

    /** The row before the change (updates with full images, deletes), or null. */
    public JsonNode before() {
        JsonNode before = payload.path("before");
        return before.isObject() ? before : null;
    }

    /** The row after the change (creates, reads, updates), or null. */
    public JsonNode after() {
        JsonNode after = payload.path("after");
        return after.isObject() ? after : null;
    }

    /**
     * The Kafka Connect schema of a column (with its {@code name}, e.g. {@code
     * io.debezium.time.MicroTimestamp}, and {@code parameters} such as a decimal's {@code scale}),
     * or null when the event was sent without schemas.
     */
    public JsonNode columnSchema(String column) {
        return fieldSchemas.get(column);
    }

    public String database() {
        return text(source, "db");
    }

    /** The schema (PostgreSQL, SQL Server, Oracle) or, where the source has none, the database. */
    public String schemaName() {
        String schema = text(source, "schema");
        return schema != null ? schema : database();
    }

    public String tableName() {
        return text(source, "table");
    }

    /**
     * The source's commit time in microseconds since the epoch: {@code source.ts_us} when present
     * (Debezium 2.6+), else {@code source.ts_ms}; null when the event has neither.
     */
    public Long commitMicros() {
        if (source.path("ts_us").isNumber()) {
            return source.get("ts_us").asLong();
        }
        if (source.path("ts_ms").isNumber()) {
            return source.get("ts_ms").asLong() * 1000;
        }
        return null;
    }

    /**
     * The change's position in the source's log, as a string that sorts in log order: the
     * PostgreSQL LSN, the Oracle SCN, the SQL Server change LSN, or the MySQL binlog file, position
     * and row (see {@link #binlogBase}); empty when the source reports none.
     */
    public String logPosition() {
        if (source.path("lsn").isNumber()) {
            return pad(source.get("lsn").asLong());
        }
        if (source.hasNonNull("scn")) {
            return padDigits(source.get("scn").asText());
        }
        if (source.hasNonNull("change_lsn")) {
            return source.get("change_lsn").asText() + "/" + text(source, "event_serial_no");
        }
        if (source.hasNonNull("file") && source.path("pos").isNumber()) {
            return MYSQL_POSITION
                    + binlog(source.get("file").asText())
                    + "/"
                    + pad(source.get("pos").asLong())
                    + "/"
                    + pad(source.path("row").asLong(0));
        }
        return "";
    }

    /** Marks a MySQL binlog position: {@code mysql:<base name>/<file number>/<pos>/<row>}. */
    public static final String MYSQL_POSITION = "mysql:";

    /**
     * A binlog file name as base name and zero-padded number ({@code mysql-bin.000123} becomes
     * {@code mysql-bin/00000000000000000123}), so files sort by number past 999999; positions on
     * servers with another base name (after a failover) are not comparable at all.
     */
    private static String binlog(String file) {
        int dot = file.lastIndexOf('.');
        String number = dot < 0 ? "" : file.substring(dot + 1);
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
            return file + "/" + pad(0);
        }
        return file.substring(0, dot) + "/" + padDigits(number.replaceFirst("^0+(?=\\d)", ""));
    }

    /**
     * The base name of a MySQL position, or null for any other position: two positions with
     * different base names come from different servers and say nothing of their order.
     */
    public static String binlogBase(String position) {
        if (!position.startsWith(MYSQL_POSITION)) {
            return null;
        }
        int slash = position.indexOf('/');
        return slash < 0 ? null : position.substring(MYSQL_POSITION.length(), slash);
    }

    /** The DDL statement of a schema-change event, or null. */
    public String ddl() {
        return text(payload, "ddl");
    }

    private static String pad(long value) {
        return padDigits(Long.toString(value));
    }

    private static String padDigits(String digits) {
        return digits.length() >= 20 ? digits : "0".repeat(20 - digits.length()) + digits;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** A message that is not a Debezium event this class understands. */
    @PublicEvolving
    public static final class InvalidRecordException extends IOException {
        private static final long serialVersionUID = 1L;

        public InvalidRecordException(String message) {
            super(message);
        }
    }
}
