package io.tributary.udfs.sre;

import org.apache.flink.annotation.PublicEvolving;

/**
 * Error budgets of ratio SLIs given in percent (availability: good ÷ valid × 100). With a target of
 * 94 %, 6 % of the valid events may be bad: that is the budget. The period's bad share over the
 * budget is the burn rate (1 = the budget used up exactly), and 1 − burn rate the budget left
 * (negative when overspent).
 */
@PublicEvolving
public final class ErrorBudget {
    private ErrorBudget() {}

    /**
     * Share of the budget the period used; null without a value, or with a target of 100 % (no
     * budget).
     */
    public static Double burnRate(Double valuePct, double targetPct) {
        if (valuePct == null || valuePct.isNaN() || targetPct >= 100.0) {
            return null;
        }
        double budget = (100.0 - targetPct) / 100.0;
        double bad = (100.0 - valuePct) / 100.0;
        return bad / budget;
    }

    /** Share of the budget left: 1 − burn rate; null where the burn rate is. */
    public static Double remaining(Double valuePct, double targetPct) {
        Double burn = burnRate(valuePct, targetPct);
        return burn == null ? null : 1.0 - burn;
    }
}
