package io.tributary.pipelines.sre.internal;

import io.tributary.pipelines.sre.SloTarget;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.annotation.Internal;

/** Which SLOs judge an SLI over a period. */
@Internal
final class SloTargets {
    private SloTargets() {}

    /**
     * The SLOs on {@code sli} with the window of {@code period}: 'YYYY' is a year, 'YYYY-MM' a
     * month.
     */
    static List<SloTarget> applying(List<SloTarget> targets, String sli, String period) {
        if (sli == null || period == null) {
            return List.of();
        }
        String window = period.length() == 4 ? "year" : "month";
        return targets.stream()
                .filter(t -> t.sli().equals(sli) && t.windows().contains(window))
                .collect(Collectors.toList());
    }
}
