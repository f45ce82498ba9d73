package io.tributary.connector.delta.internal;

import io.tributary.connector.delta.internal.RowChange.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.types.RowKind;

/**
 * The writer of a changelog sink: its input is partitioned by key, and it folds the changes of one
 * checkpoint into one per key — the latest row or a delete for a table with a primary key, the net
 * number of copies of each row for a table without one. Before every barrier (and at end of input)
 * the folded changes go to the committer, which merges them into the table copy-on-write.
 */
@Internal
public class DeltaChangelogWriterOperator extends AbstractStreamOperator<DeltaCommittable>
        implements OneInputStreamOperator<RowData, DeltaCommittable>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final DeltaSinkConfig config;
    private final RowKeys keys;

    private transient Map<BinaryRowData, Change> changes;
    private transient Counter rowsWritten;
    private transient LongCounter rowsAccumulator;

    public DeltaChangelogWriterOperator(DeltaSinkConfig config) {
        this.config = config;
        this.keys = new RowKeys(config.rowType, config.primaryKey);
    }

    @Override
    public void open() throws Exception {
        super.open();
        changes = new LinkedHashMap<>();
        rowsWritten = getRuntimeContext().getMetricGroup().counter("deltaRowsWritten");
        rowsAccumulator = new LongCounter();
        getRuntimeContext()
                .addAccumulator(
                        DeltaWriterOperator.ROWS_ACCUMULATOR_PREFIX + config.sinkId,
                        rowsAccumulator);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        RowData row = element.getValue();
        RowKind kind = row.getRowKind();
        BinaryRowData key = keys.getKey(row);
        boolean adds = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
        Change change = changes.computeIfAbsent(key, k -> new Change());
        if (keys.wholeRow()) {
            change.count += adds ? 1 : -1;
            change.row = change.row == null ? keys.toBytes(row) : change.row;
        } else if (adds) {
            change.kind = Kind.UPSERT;
            change.row = keys.toBytes(row);
        } else if (kind == RowKind.DELETE) {
            change.kind = Kind.DELETE;
            change.row = keys.toBytes(row);
        }
        // UPDATE_BEFORE of a keyed table says nothing the UPDATE_AFTER that follows won't.
        rowsWritten.inc();
        rowsAccumulator.add(1L);
        if (changes.size() >= config.maxBufferedChanges) {
            emit(0L);
        }
    }

    private void emit(long checkpointId) {
        for (Change change : changes.values()) {
            if (keys.wholeRow()) {
                if (change.count != 0) {
                    output.collect(
                            new StreamRecord<>(
                                    new RowChange(
                                            checkpointId, Kind.COUNT, change.row, change.count)));
                }
            } else if (change.kind != null) {
                output.collect(
                        new StreamRecord<>(
                                new RowChange(checkpointId, change.kind, change.row, 0)));
            }
        }
        changes.clear();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        emit(checkpointId);
    }

    @Override
    public void endInput() {
        emit(DeltaCommittable.END_OF_INPUT);
    }

    private static final class Change {
        Kind kind;
        byte[] row;
        int count;
    }
}
