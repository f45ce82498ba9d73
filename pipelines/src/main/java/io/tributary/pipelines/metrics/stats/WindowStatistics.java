package io.tributary.pipelines.metrics.stats;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * The statistics of a window's samples as PromQL's {@code *_over_time} functions compute them
 * (Prometheus 2.42, {@code promql/functions.go}): the same summation order and Neumaier-compensated
 * sums for the mean and the population standard deviation, and {@code quantile_over_time}'s
 * interpolation between the two nearest ranks. Equal results, not merely close ones: promtool
 * compares exactly, and so does {@code PromqlWindowStatisticsITCase}.
 */
@Internal
public final class WindowStatistics {
    private final int samples;
    private final double max;
    private final double min;
    private final double avg;
    private final double stddev;
    private final double p50;
    private final double p95;

    private WindowStatistics(
            int samples,
            double max,
            double min,
            double avg,
            double stddev,
            double p50,
            double p95) {
        this.samples = samples;
        this.max = max;
        this.min = min;
        this.avg = avg;
        this.stddev = stddev;
        this.p50 = p50;
        this.p95 = p95;
    }

    /**
     * The statistics of {@code values[from, to)}, in time order; {@code null} for an empty range (a
     * window without samples has no statistics in PromQL either).
     */
    public static WindowStatistics of(double[] values, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return null;
        }
        double max = values[from];
        double min = values[from];
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (v > max || Double.isNaN(max)) {
                max = v;
            }
            if (v < min || Double.isNaN(min)) {
                min = v;
            }
        }
        // Selection, not a sort: a backfill asks every window end of every series.
        double[] scratch = Arrays.copyOfRange(values, from, to);
        return new WindowStatistics(
                n,
                max,
                min,
                mean(values, from, to),
                stddev(values, from, to),
                quantile(0.5, scratch),
                quantile(0.95, scratch));
    }

    /** avg_over_time: an incremental mean, compensated (and safe for infinities). */
    static double mean(double[] values, int from, int to) {
        double mean = 0;
        double c = 0;
        double count = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            count++;
            if (Double.isInfinite(mean)) {
                if (Double.isInfinite(v) && (mean > 0) == (v > 0)) {
                    continue;
                }
                if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                    continue;
                }
            }
            double inc = v / count - mean / count;
            double t = mean + inc;
            c += Math.abs(mean) >= Math.abs(inc) ? (mean - t) + inc : (inc - t) + mean;
            mean = t;
        }
        return Double.isInfinite(mean) ? mean : mean + c;
    }

    /** stddev_over_time: Welford's recurrence with compensated mean and sum of squares. */
    static double stddev(double[] values, int from, int to) {
        double count = 0;
        double mean = 0;
        double cMean = 0;
        double aux = 0;
        double cAux = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            count++;
            double delta = v - (mean + cMean);
            double inc = delta / count;
            double t = mean + inc;
            cMean += Math.abs(mean) >= Math.abs(inc) ? (mean - t) + inc : (inc - t) + mean;
            mean = t;
            double incAux = delta * (v - (mean + cMean));
            double tAux = aux + incAux;
            cAux +=
                    Math.abs(aux) >= Math.abs(incAux)
                            ? (aux - tAux) + incAux
                            : (incAux - tAux) + aux;
            aux = tAux;
        }
        return Math.sqrt((aux + cAux) / count);
    }

    /**
     * quantile_over_time: the weighted average of the two nearest ranks. {@code values} is
     * reordered (partially sorted), not changed.
     */
    static double quantile(double q, double[] values) {
        double n = values.length;
        double rank = q * (n - 1);
        int lower = (int) Math.max(0, Math.floor(rank));
        int upper = (int) Math.min(n - 1, lower + 1);
        double weight = rank - Math.floor(rank);
        double low = select(values, lower);
        double high = low;
        // After selecting rank `lower`, every later element is at least as large: its minimum is
        // the next rank.
        if (upper > lower) {
            high = values[upper];
            for (int i = upper + 1; i < values.length; i++) {
                high = Math.min(high, values[i]);
            }
        }
        return low * (1 - weight) + high * weight;
    }

    /** The k-th smallest value (0-based), partitioning {@code a} around it (Hoare's select). */
    private static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            double pivot = median3(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    public int samples() {
        return samples;
    }

    public double max() {
        return max;
    }

    public double min() {
        return min;
    }

    public double avg() {
        return avg;
    }

    public double stddev() {
        return stddev;
    }

    public double p50() {
        return p50;
    }

    public double p95() {
        return p95;
    }
}
