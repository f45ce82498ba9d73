package io.tributary.pipelines.cdc.internal;

import io.tributary.pipelines.cdc.CdcFormat;
import io.tributary.pipelines.cdc.CdcTableSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes Kafka records into change events and sends each where it belongs: a captured table's
 * event to the main output (bronze) and, typed by the table's columns, to that table's side output;
 * control events, records that are no change event, and events whose row does not fit their table
 * to their own side outputs. Never fails on a record.
 */
@Internal
public final class ChangeRouter extends ProcessFunction<RowData, RowData> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRouter.class);

    public static final OutputTag<RowData> CONTROL =
            new OutputTag<>("cdc-control", InternalTypeInfo.of(CdcRows.CONTROL));
    public static final OutputTag<RowData> BRONZE_REJECTS =
            new OutputTag<>("cdc-bronze-rejects", InternalTypeInfo.of(CdcRows.BRONZE_REJECT));
    public static final OutputTag<RowData> SILVER_REJECTS =
            new OutputTag<>("cdc-silver-rejects", InternalTypeInfo.of(CdcRows.SILVER_REJECT));

    private final List<CdcTableSpec> tables;
    private final Map<String, CdcFormat> formatByTopic;
    private final boolean rejectUnknownTables;
    private transient Map<String, OutputTag<RowData>> changeTags;
    private transient Set<String> unknownTablesLogged;
    private transient Counter unknownTableEvents;
    private transient Counter controlEvents;

    public ChangeRouter(
            List<CdcTableSpec> tables,
            Map<String, CdcFormat> formatByTopic,
            boolean rejectUnknownTables) {
        this.tables = List.copyOf(tables);
        this.formatByTopic = Map.copyOf(formatByTopic);
        this.rejectUnknownTables = rejectUnknownTables;
    }

    /** The side output carrying the typed changes of one table. */
    public static OutputTag<RowData> changesOf(CdcTableSpec spec) {
        return new OutputTag<>(
                "cdc-changes-" + spec.name(), InternalTypeInfo.of(CdcRows.routed(spec)));
    }

    @Override
    public void open(Configuration parameters) {
        changeTags = new HashMap<>();
        tables.forEach(spec -> changeTags.put(spec.name(), changesOf(spec)));
        unknownTablesLogged = new HashSet<>();
        unknownTableEvents = getRuntimeContext().getMetricGroup().counter("cdc.unknownTableEvents");
        controlEvents = getRuntimeContext().getMetricGroup().counter("cdc.controlEvents");
    }

    @Override
    public void processElement(RowData raw, Context ctx, Collector<RowData> out) {
        String topic = raw.getString(0).toString();
        StringData source = raw.getString(1);
        long offset = raw.getLong(2);
        byte[] bytes = raw.getBinary(3);
        StringData payload = StringData.fromString(new String(bytes, StandardCharsets.UTF_8));
        TimestampData now =
                TimestampData.fromEpochMillis(ctx.timerService().currentProcessingTime());
        ChangeEvent event;
        try {
            event = ChangeEvent.decode(formatByTopic.get(topic), bytes);
        } catch (ChangeEvent.InvalidChangeException e) {
            ctx.output(
                    BRONZE_REJECTS,
                    GenericRowData.of(text(e.getMessage()), payload, source, offset, now));
            return;
        }
        TimestampData commitTs = CommitTimes.timestamp(event.commitMicros);
        if (event.kind == ChangeEvent.Kind.CONTROL) {
            controlEvents.inc();
            LOG.info(
                    "CDC control event {} on {}.{} at {} ({}); recorded in bronze.cdc_control_events, not applied",
                    event.operation,
                    event.schema,
                    event.table,
                    commitTs,
                    source + "@" + offset);
            ctx.output(
                    CONTROL,
                    GenericRowData.of(
                            text(formatByTopic.get(topic).id()),
                            text(event.operation),
                            text(event.schema),
                            text(event.table),
                            commitTs,
                            text(event.detail),
                            payload,
                            source,
                            offset,
                            now));
            return;
        }
        CdcTableSpec spec = tableOf(event);
        if (spec == null) {
            unknown(event, ctx, payload, source, offset, now);
            return;
        }
        StringData op = text(event.kind.name().toLowerCase(Locale.ROOT));
        out.collect(
                GenericRowData.of(
                        text(spec.name()),
                        op,
                        commitTs,
                        text(event.logPosition),
                        text(event.schema),
                        text(event.table),
                        payload,
                        source,
                        offset,
                        now));
        List<RowData> changes;
        try {
            changes = changes(spec, event, source, offset);
        } catch (IllegalArgumentException e) {
            ctx.output(
                    SILVER_REJECTS,
                    GenericRowData.of(
                            text(spec.name()),
                            op,
                            commitTs,
                            text(e.getMessage()),
                            payload,
                            source,
                            offset,
                            now));
            return;
        } catch (RuntimeException e) {
            ctx.output(
                    SILVER_REJECTS,
                    GenericRowData.of(
                            text(spec.name()),
                            op,
                            commitTs,
                            text("cannot convert the row: " + Reasons.of(e)),
                            payload,
                            source,
                            offset,
                            now));
            return;
        }
        changes.forEach(change -> ctx.output(changeTags.get(spec.name()), change));
    }

    /**
     * The typed changes an event of the table makes, in {@link CdcRows#routed} layout: the delete
     * of the old key when an update moved the row to a new key, then the event's own change.
     *
     * @throws IllegalArgumentException when the row does not fit the table's columns
     */
    static List<RowData> changes(
            CdcTableSpec spec, ChangeEvent event, StringData source, long offset) {
        RowData typed = typed(spec, event);
        Optional<RowData> movedFrom = movedFrom(spec, event, typed);
        List<RowData> changes = new ArrayList<>(2);
        movedFrom.ifPresent(oldKey -> changes.add(routed(oldKey, source, offset)));
        changes.add(routed(typed, source, offset));
        return changes;
    }

    private static RowData routed(RowData typed, StringData source, long offset) {
        GenericRowData row = (GenericRowData) typed;
        int at = row.getArity() - 2;
        row.setField(at, source);
        row.setField(at + 1, offset);
        return row;
    }

    private CdcTableSpec tableOf(ChangeEvent event) {
        for (CdcTableSpec spec : tables) {
            if (spec.matches(event.schema, event.table)) {
                return spec;
            }
        }
        return null;
    }

    private void unknown(
            ChangeEvent event,
            Context ctx,
            StringData payload,
            StringData source,
            long offset,
            TimestampData now) {
        String table = event.schema == null ? event.table : event.schema + "." + event.table;
        if (rejectUnknownTables) {
            ctx.output(
                    BRONZE_REJECTS,
                    GenericRowData.of(
                            text("no CDC table is configured for " + table),
                            payload,
                            source,
                            offset,
                            now));
            return;
        }
        unknownTableEvents.inc();
        if (unknownTablesLogged.add(table)) {
            LOG.info("Skipping change events of {}: the CDC tables file does not list it", table);
        }
    }

    /** The event's row in the table's columns, followed by its position. */
    static RowData typed(CdcTableSpec spec, ChangeEvent event) {
        return typed(spec, event, event.keyImage(), event.kind == ChangeEvent.Kind.DELETE);
    }

    /**
     * For an update that changed the primary key (a DMS record whose before-image holds the old
     * key): the delete of the old key, which would otherwise stay in silver for ever. Empty for any
     * other change, and when the before-image lacks a key column (it cannot tell).
     */
    static Optional<RowData> movedFrom(CdcTableSpec spec, ChangeEvent event, RowData typedAfter) {
        if (event.kind != ChangeEvent.Kind.UPDATE || event.before == null) {
            return Optional.empty();
        }
        List<String> names = spec.rowType().getFieldNames();
        for (int key : spec.primaryKeyIndexes()) {
            JsonNode old = event.before.get(names.get(key));
            if (old == null || old.isNull()) {
                return Optional.empty();
            }
        }
        RowData before = typed(spec, event, event.before, true);
        for (int key : spec.primaryKeyIndexes()) {
            if (!Objects.deepEquals(
                    ((GenericRowData) before).getField(key),
                    ((GenericRowData) typedAfter).getField(key))) {
                return Optional.of(before);
            }
        }
        return Optional.empty();
    }

    private static RowData typed(
            CdcTableSpec spec, ChangeEvent event, JsonNode image, boolean delete) {
        RowType type = spec.rowType();
        if (image == null) {
            throw new IllegalArgumentException("the event has no row image");
        }
        GenericRowData row =
                new GenericRowData(type.getFieldCount() + 4); // + position, + record (routed)
        for (int i = 0; i < type.getFieldCount(); i++) {
            String column = type.getFieldNames().get(i);
            try {
                row.setField(
                        i,
                        JsonColumns.convert(
                                image.get(column), type.getTypeAt(i), event.columnSchema(column)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + column + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("column " + column + ": " + Reasons.of(e));
            }
        }
        for (int key : spec.primaryKeyIndexes()) {
            if (row.isNullAt(key)) {
                throw new IllegalArgumentException(
                        "primary key column "
                                + type.getFieldNames().get(key)
                                + " is missing from the "
                                + (delete ? "before" : "after")
                                + " image");
            }
        }
        row.setField(type.getFieldCount(), event.commitMicros);
        row.setField(type.getFieldCount() + 1, StringData.fromString(event.logPosition));
        row.setRowKind(delete ? RowKind.DELETE : RowKind.UPDATE_AFTER);
        return row;
    }

    private static StringData text(String value) {
        return value == null ? null : StringData.fromString(value);
    }
}
