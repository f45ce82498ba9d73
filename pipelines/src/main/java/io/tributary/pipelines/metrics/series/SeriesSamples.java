package io.tributary.pipelines.metrics.series;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * One series' samples in time order, in memory: parallel primitive arrays sorted by (time, value),
 * about 16 bytes a sample. It is a multiset, since the lake may hold a sample twice (a landing file
 * and a Prometheus read of the same time) and a retraction removes one copy; the statistics see one
 * value per time, as Prometheus holds one, the lowest if the copies disagree. Appends in time
 * order, what a stream does, cost O(1).
 */
@Internal
public final class SeriesSamples {
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long first() {
        return times[0];
    }

    public long last() {
        return times[size - 1];
    }

    public void add(long time, double value) {
        int at = upperBound(time, value);
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        times[at] = time;
        values[at] = value;
        size++;
    }

    /** Removes one copy of the sample; false if there is none. */
    public boolean remove(long time, double value) {
        int at = upperBound(time, value) - 1;
        if (at < 0 || times[at] != time || Double.compare(values[at], value) != 0) {
            return false;
        }
        System.arraycopy(times, at + 1, times, at, size - at - 1);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        return true;
    }

    /** The index of the first sample later than {@code time}. */
    public int after(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The values of (from, to] in time order, one per time. */
    public double[] values(long from, long to) {
        int start = after(from);
        int end = after(to);
        double[] out = new double[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            if (i == start || times[i] != times[i - 1]) {
                out[n++] = values[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The times of (from, to], one per time, matching {@link #values}. */
    public long[] times(long from, long to) {
        int start = after(from);
        int end = after(to);
        long[] out = new long[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            if (i == start || times[i] != times[i - 1]) {
                out[n++] = times[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The samples of (from, to], every copy, for the state: times then values. */
    long[] rawTimes(long from, long to) {
        return Arrays.copyOfRange(times, after(from), after(to));
    }

    double[] rawValues(long from, long to) {
        return Arrays.copyOfRange(values, after(from), after(to));
    }

    private int upperBound(long time, double value) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compare(times[mid], time);
            if (c < 0 || (c == 0 && Double.compare(values[mid], value) <= 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
