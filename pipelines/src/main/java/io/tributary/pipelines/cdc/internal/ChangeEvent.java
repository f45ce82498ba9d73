package io.tributary.pipelines.cdc.internal;

import io.tributary.formats.debezium.DebeziumRecord;
import io.tributary.formats.dms.DmsRecord;
import io.tributary.pipelines.cdc.CdcFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;
import org.apache.flink.annotation.Internal;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.types.RowKind;

/**
 * A change event of either envelope, reduced to what the CDC job needs: the table it belongs to,
 * what it does, its row images and its position at the source (commit time, then log position).
 */
@Internal
final class ChangeEvent {
    enum Kind {
        INSERT,
        UPDATE,
        DELETE,
        CONTROL
    }

    final Kind kind;

    /**
     * The envelope's own name for the operation, e.g. {@code u}, {@code load}, {@code drop-table}.
     */
    final String operation;

    final String schema;
    final String table;
    final JsonNode before;
    final JsonNode after;
    final long commitMicros;
    final String logPosition;

    /** For control events: the DDL or the control object, as text. */
    final String detail;

    private final Function<String, JsonNode> columnSchemas;

    private ChangeEvent(
            Kind kind,
            String operation,
            String schema,
            String table,
            JsonNode before,
            JsonNode after,
            long commitMicros,
            String logPosition,
            String detail,
            Function<String, JsonNode> columnSchemas) {
        this.kind = kind;
        this.operation = operation;
        this.schema = schema;
        this.table = table;
        this.before = before;
        this.after = after;
        this.commitMicros = commitMicros;
        this.logPosition = logPosition;
        this.detail = detail;
        this.columnSchemas = columnSchemas;
    }

    /** The Kafka Connect schema Debezium sent for a column, or null. */
    JsonNode columnSchema(String column) {
        return columnSchemas.apply(column);
    }

    /** The image that identifies the row: the new one, or for a delete the old one. */
    JsonNode keyImage() {
        return kind == Kind.DELETE ? before : after;
    }

    /** A message that is no change event of the topic's format. */
    static final class InvalidChangeException extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidChangeException(String message) {
            super(message);
        }
    }

    static ChangeEvent decode(CdcFormat format, byte[] message) throws InvalidChangeException {
        try {
            return format == CdcFormat.DEBEZIUM_JSON
                    ? fromDebezium(DebeziumRecord.decode(message))
                    : fromDms(DmsRecord.decode(message));
        } catch (DebeziumRecord.InvalidRecordException | DmsRecord.InvalidRecordException e) {
            throw new InvalidChangeException(e.getMessage());
        } catch (RuntimeException e) {
            // A decoder's blind spot (a number or time out of every range) is the record's fault,
            // never a reason to stop the job: the record goes to the rejects with what went wrong.
            throw new InvalidChangeException("cannot decode the record: " + Reasons.of(e));
        }
    }

    private static ChangeEvent fromDebezium(DebeziumRecord record) throws InvalidChangeException {
        Long micros = record.commitMicros();
        if (micros == null) {
            throw new InvalidChangeException(
                    "Debezium event without source.ts_ms: its commit time is unknown");
        }
        CommitTimes.requireInRange(micros);
        Kind kind;
        String detail = null;
        switch (record.operation()) {
            case CREATE:
            case READ:
                kind = Kind.INSERT;
                break;
            case UPDATE:
                kind = Kind.UPDATE;
                break;
            case DELETE:
                kind = Kind.DELETE;
                break;
            case TRUNCATE:
                kind = Kind.CONTROL;
                break;
            default:
                kind = Kind.CONTROL;
                detail = record.ddl();
        }
        String op =
                record.operation() == DebeziumRecord.Operation.SCHEMA_CHANGE
                        ? "schema-change"
                        : record.operation().name().toLowerCase(java.util.Locale.ROOT);
        return new ChangeEvent(
                kind,
                op,
                record.schemaName(),
                record.tableName(),
                record.before(),
                record.after(),
                micros,
                record.logPosition(),
                detail,
                record::columnSchema);
    }

    private static ChangeEvent fromDms(DmsRecord record) throws DmsRecord.InvalidRecordException {
        Instant commit = record.commitTimestamp();
        if (commit == null) {
            throw new DmsRecord.InvalidRecordException(
                    "DMS record without metadata timestamp: its commit time is unknown");
        }
        long micros;
        try {
            micros = CommitTimes.requireInRange(CommitTimes.micros(commit));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new DmsRecord.InvalidRecordException(
                    "DMS commit time " + commit + " is out of range (years 1-9999)");
        }
        if (record.isControl()) {
            return new ChangeEvent(
                    Kind.CONTROL,
                    record.operation(),
                    record.schemaName(),
                    record.tableName(),
                    null,
                    null,
                    micros,
                    record.logPosition(),
                    record.controlDetail(),
                    c -> null);
        }
        JsonNode before = null;
        JsonNode after = null;
        Kind kind = Kind.INSERT;
        for (DmsRecord.Change change : record.changes()) {
            if (change.kind == RowKind.UPDATE_BEFORE) {
                before = change.values;
            } else if (change.kind == RowKind.DELETE) {
                before = change.values;
                kind = Kind.DELETE;
            } else {
                after = change.values;
                kind = change.kind == RowKind.UPDATE_AFTER ? Kind.UPDATE : Kind.INSERT;
            }
        }
        return new ChangeEvent(
                kind,
                record.operation(),
                record.schemaName(),
                record.tableName(),
                before,
                after,
                micros,
                record.logPosition(),
                null,
                c -> null);
    }
}
