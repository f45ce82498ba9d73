package io.tributary.pipelines.cdc.internal;

import io.tributary.connector.kinesis.ShardRecord;
import io.tributary.pipelines.cdc.CdcTableSpec;
import io.tributary.pipelines.streams.KinesisSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.util.Collector;

/**
 * The change events {@code bronze.cdc_<table>} held when a job started without state, decoded again
 * for the keyed operators: they rebuild what the operators knew (each key's position, its row for
 * TOAST placeholders, its versions) and re-send every change, which the keyed silver tables absorb
 * as upserts of what they hold. A job killed after bronze's commit and before silver's thus starts
 * fresh with silver complete; the events go to no other table. Only events before the positions the
 * stream source starts at (Kafka offsets, Kinesis sequence numbers) are replayed, so no event
 * reaches an operator twice; those offsets are kept in state, so a job restored in the middle of
 * the replay keeps the same bound. An event that no longer fits the table was a silver reject when
 * it arrived: it is counted, not re-sent. Input: {@link #READ} rows of a bounded read of the bronze
 * table.
 */
@Internal
public final class BronzeReplay extends RichFlatMapFunction<RowData, RowData>
        implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    /** The columns of {@code bronze.cdc_<table>} the replay reads. */
    public static final RowType READ =
            RowType.of(
                    new LogicalType[] {
                        VarCharType.STRING_TYPE, VarCharType.STRING_TYPE, new BigIntType()
                    },
                    new String[] {"payload", "source", "source_offset"});

    private final CdcTableSpec spec;

    /**
     * Where this run's stream source started: per {@code kafka:<topic>/<partition>} the first
     * offset it reads; per {@code kinesis:<stream>/<shard>} the last sequence number it does not
     * read.
     */
    private final HashMap<String, String> streamStart;

    private transient Map<String, String> bound;
    private transient ListState<String> boundState;
    private transient Counter misfits;

    public BronzeReplay(CdcTableSpec spec, Map<String, String> streamStart) {
        this.spec = spec;
        this.streamStart = new HashMap<>(streamStart);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        // The state's name predates Kinesis; savepoints know it by this name.
        boundState =
                context.getOperatorStateStore()
                        .getUnionListState(new ListStateDescriptor<>("kafka-start", Types.STRING));
        bound = new HashMap<>(streamStart);
        if (context.isRestored()) {
            List<String> stored = new ArrayList<>();
            boundState.get().forEach(stored::add);
            if (!stored.isEmpty()) {
                bound.clear();
                for (String entry : stored) {
                    int eq = entry.lastIndexOf('=');
                    bound.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<String> entries = new ArrayList<>();
        bound.forEach((source, next) -> entries.add(source + "=" + next));
        boundState.update(getRuntimeContext().getIndexOfThisSubtask() == 0 ? entries : List.of());
    }

    @Override
    public void open(Configuration parameters) {
        misfits = getRuntimeContext().getMetricGroup().counter("cdc.replayedMisfits");
    }

    @Override
    public void flatMap(RowData event, Collector<RowData> out) {
        if (event.isNullAt(0) || event.isNullAt(1) || event.isNullAt(2)) {
            misfits.inc();
            return;
        }
        String source = event.getString(1).toString();
        long offset = event.getLong(2);
        if (!replays(bound, source, offset)) {
            return; // the stream source reads it again
        }
        try {
            byte[] payload = event.getString(0).toBytes();
            ChangeEvent decoded = ChangeEvent.decode(spec.format(), payload);
            ChangeRouter.changes(spec, decoded, StringData.fromString(source), offset)
                    .forEach(out::collect);
        } catch (ChangeEvent.InvalidChangeException | RuntimeException e) {
            misfits.inc();
        }
    }

    /** Whether the stream source, started at {@code bound}, does not deliver the record again. */
    static boolean replays(Map<String, String> bound, String source, long offset) {
        if (KinesisSources.isRecord(source)) {
            String last = bound.get(KinesisSources.shardPartOf(source));
            return last != null
                    && ShardRecord.compareSequenceNumbers(
                                    KinesisSources.sequencePartOf(source), last)
                            <= 0;
        }
        String next = bound.get(source);
        return next == null || offset < Long.parseLong(next);
    }
}
