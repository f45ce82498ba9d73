package io.tributary.pipelines.metrics.sla;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * One series' window checked against a range (ARCHITECTURE.md, infrastructure metrics): a violation
 * is a sample outside it; violating minutes the distinct UTC minutes holding one; an episode a
 * maximal run of consecutive violating samples, lasting from its first to its last sample (0 s for
 * one sample); the in-range ratio 1 − violations ÷ samples. A window without samples is {@link
 * Status#NO_DATA}, never compliance.
 */
@PublicEvolving
public final class SlaCheck {
    /** The {@code status} column's values. */
    public enum Status {
        OK("ok"),
        VIOLATED("violated"),
        NO_DATA("no data");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A run of consecutive violating samples. */
    public static final class Episode {
        public final long start;
        public final long end;
        public final int samples;

        /** The value furthest outside the range. */
        public final double worst;

        Episode(long start, long end, int samples, double worst) {
            this.start = start;
            this.end = end;
            this.samples = samples;
            this.worst = worst;
        }

        public long seconds() {
            return (end - start) / 1000;
        }
    }

    public final int samples;
    public final int violations;
    public final int violatingMinutes;
    public final List<Episode> episodes;

    private SlaCheck(int samples, int violations, int violatingMinutes, List<Episode> episodes) {
        this.samples = samples;
        this.violations = violations;
        this.violatingMinutes = violatingMinutes;
        this.episodes = Collections.unmodifiableList(episodes);
    }

    /** The samples (times in epoch ms and values, in time order) checked against {@code range}. */
    public static SlaCheck of(long[] times, double[] values, SlaRange range) {
        int violations = 0;
        Set<Long> minutes = new HashSet<>();
        List<Episode> episodes = new ArrayList<>();
        int runStart = -1;
        double worst = 0;
        for (int i = 0; i <= values.length; i++) {
            boolean violating = i < values.length && range.violatedBy(values[i]);
            if (violating) {
                violations++;
                minutes.add(Math.floorDiv(times[i], 60_000L));
                double distance = distance(values[i], range);
                if (runStart < 0) {
                    runStart = i;
                    worst = values[i];
                } else if (distance > distance(worst, range)) {
                    worst = values[i];
                }
            } else if (runStart >= 0) {
                episodes.add(new Episode(times[runStart], times[i - 1], i - runStart, worst));
                runStart = -1;
            }
        }
        return new SlaCheck(values.length, violations, minutes.size(), episodes);
    }

    private static double distance(double value, SlaRange range) {
        if (range.min() != null && value < range.min()) {
            return range.min() - value;
        }
        return range.max() != null && value > range.max() ? value - range.max() : 0;
    }

    public Status status() {
        return samples == 0 ? Status.NO_DATA : violations > 0 ? Status.VIOLATED : Status.OK;
    }

    /** 1 − violations ÷ samples; null without samples. */
    public Double inRangeRatio() {
        return samples == 0 ? null : 1 - (double) violations / samples;
    }

    /** The longest episode's duration in seconds; null without one. */
    public Long longestEpisodeSeconds() {
        return episodes.stream()
                .mapToLong(Episode::seconds)
                .boxed()
                .max(Long::compare)
                .orElse(null);
    }
}
