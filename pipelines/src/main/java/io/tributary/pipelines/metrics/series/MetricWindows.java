package io.tributary.pipelines.metrics.series;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * The windows every metric is summarised over (1 h, 3 h, 12 h, the {@code window_name} column) and
 * the step their ends fall on. A window ending at t holds the samples with t − length &lt; ts ≤ t;
 * a series' window ends run from the first step end at or after its first sample to the first at or
 * after its last, so an end in a gap shorter than 12 h still has its longer windows.
 */
@Internal
public final class MetricWindows {
    public static final List<String> NAMES = List.of("1h", "3h", "12h");
    static final long[] LENGTHS = {
        Duration.ofHours(1).toMillis(),
        Duration.ofHours(3).toMillis(),
        Duration.ofHours(12).toMillis()
    };

    /** The longest window: what the metadata and every later end look back over. */
    public static final long LONGEST = LENGTHS[LENGTHS.length - 1];

    private final long step;

    /** The length of the window of this name ({@link #NAMES}). */
    public static long length(String name) {
        int at = NAMES.indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("no window '" + name + "'; windows: " + NAMES);
        }
        return LENGTHS[at];
    }

    public MetricWindows(Duration step) {
        this.step = step.toMillis();
        if (this.step < 1000 || Duration.ofHours(1).toMillis() % this.step != 0) {
            throw new IllegalArgumentException(
                    "the window step must be at least 1 s and divide 1 h, not " + step);
        }
    }

    public long step() {
        return step;
    }

    /** The first window end at or after {@code time}. */
    public long endOf(long time) {
        return Math.floorDiv(time + step - 1, step) * step;
    }

    static LocalDateTime utc(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static long millis(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
