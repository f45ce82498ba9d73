package io.tributary.pipelines.cdc.internal;

import io.tributary.pipelines.cdc.CdcTableSpec;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The current state of each row, in the source's order rather than arrival order: per primary key
 * it remembers the position (commit time, log position) of the last change it applied and drops a
 * change from before it. So out-of-order events end where in-order ones do. A delete's position is
 * kept for {@code deletedKeyRetention} (for ever when none is given: a table with SCD2 history
 * keeps every version anyway, and silver must agree with it), so a late older insert cannot
 * resurrect the row. Emits a full changelog of the table's columns ({@code +I}, {@code -U}/{@code
 * +U}, {@code -D}); it keeps each key's current row for the before-images, so the planner needs no
 * normalising operator of its own. A delete of a key it has no row for (one written before a fresh
 * start) is passed on with the event's image, so the sink still removes the row. Debezium's
 * placeholder for an unchanged TOASTed column takes the column's value from the key's current row
 * ({@link UnavailableValues}); without one the update goes to the silver rejects ({@link
 * #UNRESOLVED}) and the key keeps its position, so that its earlier version, should it arrive
 * later, still applies. Input: {@link CdcRows#routed}.
 */
@Internal
public final class CurrentStateFunction extends KeyedProcessFunction<String, RowData, RowData> {
    private static final long serialVersionUID = 1L;

    /**
     * Updates whose unchanged TOASTed columns cannot be filled (no earlier version of the row is
     * known): silver rejects rows, with the reason.
     */
    public static final OutputTag<RowData> UNRESOLVED =
            new OutputTag<>(
                    "cdc-unresolved-placeholders", InternalTypeInfo.of(CdcRows.SILVER_REJECT));

    private final int columns;
    private final CdcTableSpec spec;

    /** How long a delete's position is kept; negative: for ever. */
    private final long deletedKeyRetentionMillis;

    /** Commit micros and log position of the last change applied, and when (processing time). */
    private transient ValueState<Tuple3<Long, String, Long>> applied;

    /** The key's row; none after a delete. */
    private transient ValueState<RowData> current;

    private transient RowData.FieldGetter[] getters;
    private transient Counter superseded;

    /**
     * @param deletedKeyRetention how long a delete's position is kept; null: for ever
     */
    public CurrentStateFunction(CdcTableSpec spec, Duration deletedKeyRetention) {
        this.spec = spec;
        this.columns = spec.rowType().getFieldCount();
        this.deletedKeyRetentionMillis =
                deletedKeyRetention == null ? -1 : deletedKeyRetention.toMillis();
    }

    @Override
    public void open(Configuration parameters) {
        applied =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "applied-position",
                                        Types.TUPLE(Types.LONG, Types.STRING, Types.LONG)));
        current =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "current-row", InternalTypeInfo.of(spec.rowType())));
        getters = ChangeKeys.getters(spec.rowType());
        superseded = getRuntimeContext().getMetricGroup().counter("cdc.supersededChanges");
    }

    @Override
    public void processElement(RowData change, Context ctx, Collector<RowData> out)
            throws Exception {
        long micros = change.getLong(columns);
        String position = change.getString(columns + 1).toString();
        Tuple3<Long, String, Long> last = applied.value();
        if (last != null && ChangeKeys.compare(micros, position, last.f0, last.f1) < 0) {
            superseded.inc();
            return;
        }
        boolean delete = change.getRowKind() == RowKind.DELETE;
        long now = ctx.timerService().currentProcessingTime();
        RowData previous = current.value();
        GenericRowData row = ChangeKeys.columns(change, getters, 0);
        List<Integer> unavailable =
                delete ? List.of() : UnavailableValues.columns(row, spec.rowType());
        if (!unavailable.isEmpty()) {
            if (previous == null) {
                ctx.output(
                        UNRESOLVED,
                        GenericRowData.of(
                                StringData.fromString(spec.name()),
                                StringData.fromString("update"),
                                CommitTimes.timestamp(micros),
                                StringData.fromString(
                                        UnavailableValues.reason(unavailable, spec.rowType())),
                                StringData.fromString(row.toString()),
                                change.getString(columns + 2),
                                change.isNullAt(columns + 3) ? null : change.getLong(columns + 3),
                                TimestampData.fromEpochMillis(now)));
                return;
            }
            UnavailableValues.filled(row, unavailable, previous, getters);
        }
        applied.update(Tuple3.of(micros, position, now));
        if (delete && deletedKeyRetentionMillis >= 0) {
            ctx.timerService().registerProcessingTimeTimer(now + deletedKeyRetentionMillis);
        }
        if (delete) {
            current.clear();
            emit(out, previous != null ? previous : row, RowKind.DELETE);
            return;
        }
        current.update(row);
        if (previous != null) {
            emit(out, previous, RowKind.UPDATE_BEFORE);
        }
        emit(out, row, previous != null ? RowKind.UPDATE_AFTER : RowKind.INSERT);
    }

    private void emit(Collector<RowData> out, RowData row, RowKind kind) {
        GenericRowData copy = ChangeKeys.columns(row, getters, 0); // never the row held in state
        copy.setRowKind(kind);
        out.collect(copy);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out)
            throws Exception {
        Tuple3<Long, String, Long> last = applied.value();
        if (last != null
                && current.value() == null
                && last.f2 + deletedKeyRetentionMillis <= timestamp) {
            applied.clear(); // forget the delete: a change this late is taken as new
        }
    }
}
