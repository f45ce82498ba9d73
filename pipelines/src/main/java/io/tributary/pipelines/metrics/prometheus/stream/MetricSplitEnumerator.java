package io.tributary.pipelines.metrics.prometheus.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands each metric to one reader (by the hash of its name), once; a split a failed reader gives
 * back goes to the reader that takes its place. A bounded read tells each reader when it has all
 * its splits.
 */
@Internal
final class MetricSplitEnumerator implements SplitEnumerator<MetricSplit, List<MetricSplit>> {
    private final SplitEnumeratorContext<MetricSplit> context;
    private final List<MetricSplit> pending;
    private final Boundedness boundedness;

    MetricSplitEnumerator(
            SplitEnumeratorContext<MetricSplit> context,
            List<MetricSplit> pending,
            Boundedness boundedness) {
        this.context = context;
        this.pending = new ArrayList<>(pending);
        this.boundedness = boundedness;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<MetricSplit> splits, int subtaskId) {
        pending.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            addReader(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        int readers = context.currentParallelism();
        Iterator<MetricSplit> it = pending.iterator();
        while (it.hasNext()) {
            MetricSplit split = it.next();
            if (Math.floorMod(split.metric().hashCode(), readers) == subtaskId) {
                context.assignSplit(split, subtaskId);
                it.remove();
            }
        }
        if (boundedness == Boundedness.BOUNDED) {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public List<MetricSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(pending);
    }

    @Override
    public void close() {}
}
