package io.tributary.pipelines.metrics.prometheus.stream;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.table.data.RowData;

/**
 * Emits each {@link TimeSlice} whole and then moves its split's position to the slice's time, so
 * the position a checkpoint stores is always the last time every row of which is out.
 */
@Internal
final class PrometheusSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                TimeSlice, RowData, MetricSplit, MetricSplitState> {

    PrometheusSourceReader(
            Supplier<PrometheusSplitReader> splitReader, SourceReaderContext context) {
        super(splitReader::get, new SliceEmitter(), new Configuration(), context);
    }

    @Override
    protected void onSplitFinished(Map<String, MetricSplitState> finished) {}

    @Override
    protected MetricSplitState initializedState(MetricSplit split) {
        return new MetricSplitState(split);
    }

    @Override
    protected MetricSplit toSplitType(String splitId, MetricSplitState state) {
        return state.split();
    }

    private static final class SliceEmitter
            implements RecordEmitter<TimeSlice, RowData, MetricSplitState> {
        @Override
        public void emitRecord(
                TimeSlice slice, SourceOutput<RowData> output, MetricSplitState state) {
            if (slice.time <= state.split().readUntil()) {
                return; // read again after a restore that came between fetch and emit
            }
            for (RowData row : slice.rows) {
                output.collect(row);
            }
            state.emitted(slice.time);
        }
    }
}
