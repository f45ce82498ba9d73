package io.tributary.pipelines.metrics.prometheus.stream;

import io.tributary.pipelines.metrics.internal.SampleRows;
import java.time.Duration;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/**
 * Follows a Prometheus server's metrics (FLIP-27): one split per metric, whose position, the last
 * sample time read whole, is checkpointed, so a job restored from a checkpoint reads every sample
 * exactly once. Remote-write is no substitute: it cannot be replayed.
 *
 * <pre>
 *   enumerator: metric splits, each to one reader (hash of the name)
 *   reader:     fetcher thread -- range query (position, now - delay] --> time slices
 *               task thread    -- a slice's rows at once, then the split's position = its time
 * </pre>
 */
@Internal
public final class PrometheusSource
        implements Source<RowData, MetricSplit, List<MetricSplit>>, ResultTypeQueryable<RowData> {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final List<MetricSplit> splits;
    private final long step;
    private final long delay;
    private final long pollInterval;
    private final Boundedness boundedness;

    /**
     * @param splits each metric and where to read it from (a bounded read: where to stop)
     * @param step the sample step (the range queries' resolution)
     * @param delay how far behind now the read stays, so Prometheus has every series of a time
     */
    public PrometheusSource(
            String url,
            List<MetricSplit> splits,
            Duration step,
            Duration delay,
            Duration pollInterval,
            Boundedness boundedness) {
        this.url = url;
        this.splits = List.copyOf(splits);
        this.step = step.toMillis();
        this.delay = delay.toMillis();
        this.pollInterval = pollInterval.toMillis();
        this.boundedness = boundedness;
    }

    @Override
    public Boundedness getBoundedness() {
        return boundedness;
    }

    @Override
    public SplitEnumerator<MetricSplit, List<MetricSplit>> createEnumerator(
            SplitEnumeratorContext<MetricSplit> context) {
        return new MetricSplitEnumerator(context, splits, boundedness);
    }

    @Override
    public SplitEnumerator<MetricSplit, List<MetricSplit>> restoreEnumerator(
            SplitEnumeratorContext<MetricSplit> context, List<MetricSplit> pending) {
        return new MetricSplitEnumerator(context, pending, boundedness);
    }

    @Override
    public SimpleVersionedSerializer<MetricSplit> getSplitSerializer() {
        return new MetricSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<List<MetricSplit>> getEnumeratorCheckpointSerializer() {
        return new MetricSplitSerializer.Pending();
    }

    @Override
    public SourceReader<RowData, MetricSplit> createReader(SourceReaderContext context) {
        return new PrometheusSourceReader(
                () -> new PrometheusSplitReader(url, step, delay, pollInterval), context);
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(SampleRows.ROW_TYPE);
    }
}
