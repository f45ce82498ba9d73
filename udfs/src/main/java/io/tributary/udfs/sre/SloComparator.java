package io.tributary.udfs.sre;

import java.util.Locale;
import org.apache.flink.annotation.PublicEvolving;

/** How an SLI's value is judged against its SLO target. */
@PublicEvolving
public enum SloComparator {
    /** At most the target (deploy interval, failures per deploy, response days). */
    LTE("<="),
    /** At least the target (availability). */
    GTE(">="),
    LT("<"),
    GT(">");

    private final String symbol;

    SloComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * Whether the value meets the target; a missing value (no data in the period) meets nothing.
     */
    public boolean met(Double value, double target) {
        if (value == null || value.isNaN()) {
            return false;
        }
        switch (this) {
            case LTE:
                return value <= target;
            case GTE:
                return value >= target;
            case LT:
                return value < target;
            default:
                return value > target;
        }
    }

    /** Parses OpenSLO-style names ({@code lte}, {@code gte}, ...) and symbols ({@code <=}, ...). */
    public static SloComparator parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SloComparator c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(t) || c.symbol.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "Unknown SLO comparator '" + text + "': use lte, gte, lt or gt (or <=, >=, <, >)");
    }
}
