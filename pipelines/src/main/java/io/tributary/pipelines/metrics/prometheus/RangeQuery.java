package io.tributary.pipelines.metrics.prometheus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * One {@code query_range} call: a metric's PromQL from {@code start} to {@code end} (both included,
 * multiples of {@code step}), in epoch milliseconds. A POJO, so a bounded job can distribute the
 * calls of a backfill over its readers.
 */
@Internal
public final class RangeQuery implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Prometheus refuses a query_range answering more points per series than this. */
    public static final int MAX_POINTS = 11_000;

    public String metric;
    public String promql;
    public long start;
    public long end;
    public long step;

    public RangeQuery() {}

    public RangeQuery(String metric, String promql, long start, long end, long step) {
        this.metric = metric;
        this.promql = promql;
        this.start = start;
        this.end = end;
        this.step = step;
    }

    /**
     * The calls that read [from, until) at multiples of {@code step}, each under {@link
     * #MAX_POINTS} points per series and none overlapping.
     */
    public static List<RangeQuery> covering(
            String metric, String promql, long from, long until, long step) {
        List<RangeQuery> chunks = new ArrayList<>();
        long first = Math.floorDiv(from + step - 1, step) * step;
        long last = Math.floorDiv(until - 1, step) * step;
        long span = (long) (MAX_POINTS - 1) * step;
        for (long start = first; start <= last; start += span + step) {
            chunks.add(new RangeQuery(metric, promql, start, Math.min(start + span, last), step));
        }
        return chunks;
    }

    @Override
    public String toString() {
        return metric + " [" + start + ", " + end + "] every " + step + " ms";
    }
}
