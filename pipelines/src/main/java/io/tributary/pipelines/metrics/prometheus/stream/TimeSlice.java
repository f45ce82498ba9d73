package io.tributary.pipelines.metrics.prometheus.stream;

import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;

/**
 * Every row of one sample time of a metric (one per series, rejects included), emitted at once so
 * that a checkpoint never falls between two series of the same time: the split's position is then
 * always a whole time. A slice without rows only moves the position (a time with no sample).
 */
@Internal
final class TimeSlice {
    final long time;
    final List<RowData> rows;

    TimeSlice(long time, List<RowData> rows) {
        this.time = time;
        this.rows = rows;
    }
}
