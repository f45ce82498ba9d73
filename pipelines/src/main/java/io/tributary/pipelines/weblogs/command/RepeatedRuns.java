package io.tributary.pipelines.weblogs.command;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;

/**
 * Seconds of the same backfill repeated in one JVM. Their median, not one run, is the figure to
 * compare: on a shared two-core VM single runs of the same code differ by up to a third.
 */
@Internal
final class RepeatedRuns {
    private final double[] sorted;

    RepeatedRuns(double[] seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        sorted = seconds.clone();
        Arrays.sort(sorted);
    }

    /** The middle run's seconds, or the mean of the two middle ones for an even count. */
    double median() {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }
}
