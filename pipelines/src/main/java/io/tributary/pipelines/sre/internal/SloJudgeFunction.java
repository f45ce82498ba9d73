package io.tributary.pipelines.sre.internal;

import io.tributary.pipelines.sre.SloTarget;
import io.tributary.udfs.sre.ErrorBudget;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code SLO_JUDGE(sli, period, value)}: one row per SLO of the targets file on that SLI whose
 * window fits the period ('YYYY' a year, 'YYYY-MM' a month): the SLO's name, target, comparator,
 * whether the value meets it, and the error budget left and burn rate where the SLI has a budget.
 * The targets are this instance's, so they are configuration, not SQL.
 */
@Internal
@FunctionHint(
        output =
                @DataTypeHint(
                        "ROW<slo STRING, target DOUBLE, comparator STRING, met BOOLEAN, "
                                + "error_budget_remaining DOUBLE, burn_rate DOUBLE>"))
public final class SloJudgeFunction extends TableFunction<Row> {
    public static final String NAME = "SLO_JUDGE";

    private final List<SloTarget> targets;

    public SloJudgeFunction(List<SloTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public void eval(String sli, String period, Double value) {
        for (SloTarget slo : SloTargets.applying(targets, sli, period)) {
            boolean budget = slo.hasErrorBudget();
            collect(
                    Row.of(
                            slo.name(),
                            slo.target(),
                            slo.comparator().name().toLowerCase(java.util.Locale.ROOT),
                            slo.comparator().met(value, slo.target()),
                            budget ? ErrorBudget.remaining(value, slo.target()) : null,
                            budget ? ErrorBudget.burnRate(value, slo.target()) : null));
        }
    }
}
