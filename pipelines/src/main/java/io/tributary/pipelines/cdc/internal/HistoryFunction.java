package io.tributary.pipelines.cdc.internal;

import io.tributary.pipelines.cdc.CdcTableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * SCD2 history of each row: one version per commit time in which the row changed, valid from that
 * commit until the next change of the row ({@code valid_to} null and {@code is_current} true for
 * the latest version; a delete ends the version before it and starts none). Versions are placed by
 * commit time, so a late event slots in between its neighbours: it gets its own end, and the
 * version before it is re-emitted with the new end. Within one commit time the change with the
 * later log position is the version (intermediate states of a transaction were never visible).
 * Emits a full changelog keyed by (primary key, {@code valid_from}). State holds every version of
 * every key. A job started without state is also fed every version the table holds ({@link
 * CurrentVersions}): a held version that a change of its own commit deleted — a job saw a
 * transaction's insert but not its delete — is removed, whichever arrives first. Input: {@link
 * CdcRows#routed}.
 */
@Internal
public final class HistoryFunction extends KeyedProcessFunction<String, RowData, RowData> {
    private static final long serialVersionUID = 1L;

    private final CdcTableSpec spec;
    private final int columns;
    private transient MapState<Long, RowData> versions;
    private transient RowData.FieldGetter[] getters;

    /** Getters of a change's every field: the columns, its commit time and its log position. */
    private transient RowData.FieldGetter[] allGetters;

    public HistoryFunction(CdcTableSpec spec) {
        this.spec = spec;
        this.columns = spec.rowType().getFieldCount();
    }

    @Override
    public void open(Configuration parameters) {
        versions =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "versions",
                                        Types.LONG,
                                        InternalTypeInfo.of(CdcRows.change(spec))));
        getters = ChangeKeys.getters(spec.rowType());
        allGetters = ChangeKeys.getters(CdcRows.change(spec));
    }

    @Override
    public void processElement(RowData change, Context ctx, Collector<RowData> out)
            throws Exception {
        long micros = change.getLong(columns);
        RowData replaced = versions.get(micros);
        if (isHeld(change) && replaced != null) {
            // The table's version came before what this job has seen of its commit; a delete of
            // that
            // commit (its later statement) means the table must not keep it.
            if (!isUpsert(replaced)) {
                out.collect(version(change, null, RowKind.DELETE));
            }
            return;
        }
        if (replaced != null
                && ChangeKeys.compare(
                                micros,
                                change.getString(columns + 1).toString(),
                                micros,
                                replaced.getString(columns + 1).toString())
                        < 0) {
            return; // an earlier statement of the same transaction
        }
        List<Long> times = new ArrayList<>();
        versions.keys().forEach(times::add);
        if (!times.contains(micros)) {
            times.add(micros);
        }
        Collections.sort(times);
        int at = times.indexOf(micros);
        if (isUpsert(change)) {
            List<Integer> unavailable = UnavailableValues.columns(change, spec.rowType());
            if (!unavailable.isEmpty()) {
                RowData before = at > 0 ? versions.get(times.get(at - 1)) : null;
                if (before == null || !isUpsert(before)) {
                    return; // current state rejects it too: no earlier version to take the value
                    // from
                }
                GenericRowData filled =
                        UnavailableValues.filled(
                                ChangeKeys.columns(change, allGetters, 0),
                                unavailable,
                                before,
                                getters);
                filled.setRowKind(change.getRowKind());
                change = filled;
            }
        }
        GenericRowData kept =
                ChangeKeys.columns(change, allGetters, 0); // without the record it came from
        kept.setRowKind(change.getRowKind());
        versions.put(micros, kept);
        Long next = at + 1 < times.size() ? times.get(at + 1) : null;
        if (replaced != null && isUpsert(replaced)) {
            out.collect(
                    version(
                            replaced,
                            next,
                            isUpsert(change) ? RowKind.UPDATE_BEFORE : RowKind.DELETE));
        }
        if (isUpsert(change)) {
            out.collect(
                    version(
                            change,
                            next,
                            replaced != null && isUpsert(replaced)
                                    ? RowKind.UPDATE_AFTER
                                    : RowKind.INSERT));
        }
        if (replaced == null && at > 0) {
            RowData previous = versions.get(times.get(at - 1));
            if (isUpsert(previous)) { // it ended at `next`, now it ends here
                out.collect(version(previous, next, RowKind.UPDATE_BEFORE));
                out.collect(version(previous, micros, RowKind.UPDATE_AFTER));
            }
        }
    }

    /**
     * A version the table held when the job started ({@link CurrentVersions}): it names no record.
     */
    private boolean isHeld(RowData change) {
        return change.getArity() > columns + 2 && change.isNullAt(columns + 2);
    }

    private static boolean isUpsert(RowData change) {
        return change.getRowKind() != RowKind.DELETE;
    }

    private RowData version(RowData change, Long validTo, RowKind kind) {
        GenericRowData row = ChangeKeys.columns(change, getters, 3);
        row.setField(columns, CommitTimes.timestamp(change.getLong(columns)));
        row.setField(columns + 1, validTo == null ? null : CommitTimes.timestamp(validTo));
        row.setField(columns + 2, validTo == null);
        row.setRowKind(kind);
        return row;
    }
}
