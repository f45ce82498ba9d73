package io.tributary.pipelines.metrics.prometheus.stream;

import io.tributary.pipelines.metrics.prometheus.PrometheusClient;
import io.tributary.pipelines.metrics.prometheus.QueryRangeResponse;
import io.tributary.pipelines.metrics.prometheus.RangeQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.annotation.Internal;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.table.data.RowData;

/**
 * Follows its metrics in the fetcher thread: for each, when its next poll is due, the range query
 * from one step after its position to the latest time Prometheus surely has in full ({@code now −
 * delay}, on the step grid), at most {@link RangeQuery#MAX_POINTS} points at a time, answered as
 * {@link TimeSlice}s in time order. Between polls it waits, and wakes up for new splits or a stop.
 */
@Internal
final class PrometheusSplitReader implements SplitReader<TimeSlice, MetricSplit> {
    private final PrometheusClient client;
    private final long step;
    private final long delay;
    private final long pollInterval;
    private final Map<String, MetricSplit> splits = new LinkedHashMap<>();
    private final Map<String, Long> nextPoll = new HashMap<>();
    private final Object lock = new Object();
    private boolean woken;

    PrometheusSplitReader(String url, long step, long delay, long pollInterval) {
        this.client = new PrometheusClient(url);
        this.step = step;
        this.delay = delay;
        this.pollInterval = pollInterval;
    }

    @Override
    public RecordsWithSplitIds<TimeSlice> fetch() throws IOException {
        RecordsBySplits.Builder<TimeSlice> records = new RecordsBySplits.Builder<>();
        MetricSplit due = null;
        long now = System.currentTimeMillis();
        long soonest = Long.MAX_VALUE;
        for (MetricSplit split : splits.values()) {
            long at = nextPoll.getOrDefault(split.splitId(), 0L);
            if (at <= now) {
                due = split;
                break;
            }
            soonest = Math.min(soonest, at);
        }
        if (due == null) {
            waitUntil(soonest);
            return records.build();
        }
        long target = Math.min(due.stopAt(), Math.floorDiv(now - delay, step) * step);
        if (target <= due.readUntil()) {
            if (due.readUntil() >= due.stopAt()) {
                finish(due, records);
            } else {
                nextPoll.put(due.splitId(), now + pollInterval);
            }
            return records.build();
        }
        RangeQuery query =
                new RangeQuery(
                        due.metric(),
                        due.promql(),
                        due.readUntil() + step,
                        Math.min(target, due.readUntil() + step * (RangeQuery.MAX_POINTS - 1)),
                        step);
        String body;
        try {
            body = client.queryRange(query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return records.build();
        }
        for (TimeSlice slice : slices(query, body)) {
            records.add(due.splitId(), slice);
        }
        MetricSplit advanced = due.readUntil(query.end);
        splits.put(advanced.splitId(), advanced);
        if (advanced.readUntil() >= advanced.stopAt()) {
            finish(advanced, records);
        } else {
            // More is due at once if this answer stopped short of now.
            nextPoll.put(advanced.splitId(), query.end < target ? now : now + pollInterval);
        }
        return records.build();
    }

    /** The answer's rows by sample time, each time once, the query's end always among them. */
    private List<TimeSlice> slices(RangeQuery query, String body) {
        TreeMap<Long, List<RowData>> byTime = new TreeMap<>();
        List<RowData> timeless = new ArrayList<>();
        QueryRangeResponse.readStream(
                body,
                query.metric,
                row -> {
                    if (row.isNullAt(2)) {
                        timeless.add(row);
                    } else {
                        byTime.computeIfAbsent(
                                        row.getTimestamp(2, 3).getMillisecond(),
                                        t -> new ArrayList<>())
                                .add(row);
                    }
                });
        if (!timeless.isEmpty()) {
            // An unreadable answer: its reject goes with the first time, which it stands for.
            byTime.computeIfAbsent(query.start, t -> new ArrayList<>()).addAll(0, timeless);
        }
        byTime.computeIfAbsent(query.end, t -> new ArrayList<>());
        List<TimeSlice> slices = new ArrayList<>();
        byTime.forEach((time, rows) -> slices.add(new TimeSlice(time, rows)));
        return slices;
    }

    private void finish(MetricSplit split, RecordsBySplits.Builder<TimeSlice> records) {
        records.addFinishedSplit(split.splitId());
        splits.remove(split.splitId());
        nextPoll.remove(split.splitId());
    }

    private void waitUntil(long time) {
        synchronized (lock) {
            long wait = time - System.currentTimeMillis();
            // Not a synchronisation: the time until the next poll is due, cut short by wakeUp().
            while (!woken && wait > 0) {
                try {
                    lock.wait(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = time - System.currentTimeMillis();
            }
            woken = false;
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<MetricSplit> changes) {
        if (!(changes instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("unexpected " + changes);
        }
        for (MetricSplit split : changes.splits()) {
            splits.put(split.splitId(), split);
        }
    }

    @Override
    public void wakeUp() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {}
}
