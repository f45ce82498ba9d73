package io.tributary.pipelines.metrics.sla;

import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.annotation.PublicEvolving;

/** A metric's allowed range in an SLA: [min, max], either end optional. */
@PublicEvolving
public final class SlaRange implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Double min;
    private final Double max;

    public SlaRange(Double min, Double max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a range needs a min, a max or both");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min " + min + " is above max " + max);
        }
        this.min = min;
        this.max = max;
    }

    public Double min() {
        return min;
    }

    public Double max() {
        return max;
    }

    /** Whether a sample violates the range: below min or above max (the ends are allowed). */
    public boolean violatedBy(double value) {
        return (min != null && value < min) || (max != null && value > max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaRange
                && Objects.equals(min, ((SlaRange) o).min)
                && Objects.equals(max, ((SlaRange) o).max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max);
    }

    @Override
    public String toString() {
        return "[" + (min == null ? "-∞" : min) + ", " + (max == null ? "+∞" : max) + "]";
    }
}
