package io.tributary.pipelines.metrics.prometheus.stream;

import java.io.Serializable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One metric followed: its PromQL and how far it has been read. {@code readUntil} is the time of
 * the last sample time read whole (every series of it), so reading resumes one step later; {@code
 * stopAt} the last time a bounded read reads ({@link Long#MAX_VALUE} when it follows forever).
 */
@Internal
public final class MetricSplit implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;

    private final String metric;
    private final String promql;
    private final long readUntil;
    private final long stopAt;

    public MetricSplit(String metric, String promql, long readUntil, long stopAt) {
        this.metric = metric;
        this.promql = promql;
        this.readUntil = readUntil;
        this.stopAt = stopAt;
    }

    @Override
    public String splitId() {
        return metric;
    }

    public String metric() {
        return metric;
    }

    public String promql() {
        return promql;
    }

    public long readUntil() {
        return readUntil;
    }

    public long stopAt() {
        return stopAt;
    }

    public MetricSplit readUntil(long time) {
        return new MetricSplit(metric, promql, time, stopAt);
    }

    @Override
    public String toString() {
        return metric
                + " read until "
                + readUntil
                + (stopAt == Long.MAX_VALUE ? "" : ", stop at " + stopAt);
    }
}
