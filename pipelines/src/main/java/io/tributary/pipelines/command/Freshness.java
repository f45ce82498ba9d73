package io.tributary.pipelines.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.annotation.Internal;

/**
 * A streaming benchmark's freshness as result rows: the rate sent, how many events were measured
 * after the warm-up, and the p50, p90, p99 (against the target of checkpoint interval + 5 s) and
 * the maximum of the times from an event's hand-over to its showing in a table.
 */
@Internal
public final class Freshness {
    private Freshness() {}

    /**
     * @param sentAt each event's hand-over to the producer ({@link System#nanoTime()})
     * @param visibleAfter each event's nanoseconds from hand-over until the table showed it
     */
    public static List<List<Object>> rows(
            long[] sentAt,
            long[] visibleAfter,
            Duration warmUp,
            int askedRate,
            Duration checkpointInterval) {
        long measuredFrom = sentAt[0] + warmUp.toNanos();
        long[] measured =
                IntStream.range(0, sentAt.length)
                        .filter(i -> sentAt[i] >= measuredFrom)
                        .mapToLong(i -> visibleAfter[i])
                        .sorted()
                        .toArray();
        double achieved = sentAt.length / ((sentAt[sentAt.length - 1] - sentAt[0]) / 1e9);
        double target = checkpointInterval.toSeconds() + 5;
        double p99 = percentile(measured, 0.99);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "freshness: rate sent",
                        String.format("%,.0f events/s (asked %,d)", achieved, askedRate),
                        ""));
        rows.add(
                List.of(
                        "freshness: events measured (after a warm-up of "
                                + warmUp.toSeconds()
                                + " s)",
                        String.format("%,d", measured.length),
                        ""));
        rows.add(List.of("freshness p50", String.format("%.1f s", percentile(measured, 0.50)), ""));
        rows.add(List.of("freshness p90", String.format("%.1f s", percentile(measured, 0.90)), ""));
        rows.add(
                List.of(
                        "freshness p99",
                        String.format("%.1f s", p99),
                        String.format(
                                "≤ %.0f s (checkpoint interval + 5 s) — %s",
                                target, p99 <= target ? "met" : "not met")));
        rows.add(List.of("freshness max", String.format("%.1f s", percentile(measured, 1.0)), ""));
        return rows;
    }

    /** Nearest-rank percentile, in seconds. */
    public static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e9;
    }
}
