package io.tributary.pipelines.sre.internal;

import io.tributary.pipelines.sre.SloTarget;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code SLO_TARGET(sli, period)}: the target of the first SLO on the SLI whose window fits the
 * period, null without one. Tells which closures are late (longer than the response target).
 */
@Internal
public final class SloTargetFunction extends ScalarFunction {
    public static final String NAME = "SLO_TARGET";

    private final List<SloTarget> targets;

    public SloTargetFunction(List<SloTarget> targets) {
        this.targets = List.copyOf(targets);
    }

    public Double eval(String sli, String period) {
        List<SloTarget> applying = SloTargets.applying(targets, sli, period);
        return applying.isEmpty() ? null : applying.get(0).target();
    }
}
