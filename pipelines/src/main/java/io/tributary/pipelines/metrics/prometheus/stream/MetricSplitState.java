package io.tributary.pipelines.metrics.prometheus.stream;

import org.apache.flink.annotation.Internal;

/** A split being read: its position moves with each time slice emitted. */
@Internal
final class MetricSplitState {
    private MetricSplit split;

    MetricSplitState(MetricSplit split) {
        this.split = split;
    }

    void emitted(long time) {
        if (time > split.readUntil()) {
            split = split.readUntil(time);
        }
    }

    MetricSplit split() {
        return split;
    }
}
