package io.tributary.udfs.sre;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.AggregateFunction;

/**
 * {@code MEDIAN_GAP_HOURS(ts)}: the median, in hours, of the gaps between consecutive timestamps of
 * a group (the deploy interval's median; its mean is (last − first) ÷ (n − 1), which plain
 * MIN/MAX/COUNT give). Null below two timestamps. Takes retractions, so a streaming query keeps it
 * current as runs change; the accumulator holds each distinct instant once with its count.
 */
@PublicEvolving
@FunctionHint(output = @DataTypeHint("DOUBLE"))
public final class MedianGapFunction
        extends AggregateFunction<Double, MedianGapFunction.Accumulator> {
    public static final String NAME = "MEDIAN_GAP_HOURS";

    /** Epoch milliseconds (UTC wall time) and how often each occurs. */
    public static final class Accumulator {
        public Map<Long, Long> counts = new HashMap<>();
    }

    @Override
    public Accumulator createAccumulator() {
        return new Accumulator();
    }

    public void accumulate(Accumulator acc, @DataTypeHint("TIMESTAMP(3)") LocalDateTime ts) {
        if (ts != null) {
            acc.counts.merge(millis(ts), 1L, Retractions::sumOrRemove);
        }
    }

    public void retract(Accumulator acc, @DataTypeHint("TIMESTAMP(3)") LocalDateTime ts) {
        if (ts != null) {
            acc.counts.merge(millis(ts), -1L, Retractions::sumOrRemove);
        }
    }

    public void merge(Accumulator acc, Iterable<Accumulator> others) {
        for (Accumulator other : others) {
            other.counts.forEach((t, n) -> acc.counts.merge(t, n, Retractions::sumOrRemove));
        }
    }

    @Override
    public Double getValue(Accumulator acc) {
        double[] times = Retractions.sortedValues(acc.counts);
        if (times.length < 2) {
            return null;
        }
        double[] gaps = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            gaps[i - 1] = (times[i] - times[i - 1]) / 3_600_000.0;
        }
        return Percentiles.of(gaps, 0.5);
    }

    private static long millis(LocalDateTime ts) {
        return ts.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
