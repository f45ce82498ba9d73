package io.tributary.pipelines.sre;

import io.tributary.udfs.sre.SloComparator;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/** One SLO: which SLI, the target it is judged against, how, and over which periods. */
@PublicEvolving
public final class SloTarget implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The SLIs the SRE pipeline computes (definitions in ARCHITECTURE.md). */
    public static final List<String> SLIS =
            List.of(
                    "deploy_interval_hours",
                    "failures_per_deploy",
                    "availability_pct",
                    "response_days");

    /** Calendar periods an SLO can be judged over, as gold.sre_slo_report's periods. */
    public static final Set<String> WINDOWS = Set.of("month", "year");

    private final String name;
    private final String sli;
    private final SloComparator comparator;
    private final double target;
    private final List<String> windows;

    SloTarget(
            String name,
            String sli,
            SloComparator comparator,
            double target,
            List<String> windows) {
        this.name = name;
        this.sli = sli;
        this.comparator = comparator;
        this.target = target;
        this.windows = List.copyOf(windows);
    }

    public String name() {
        return name;
    }

    public String sli() {
        return sli;
    }

    public SloComparator comparator() {
        return comparator;
    }

    public double target() {
        return target;
    }

    public List<String> windows() {
        return windows;
    }

    /** Whether the SLI has an error budget: the ratio SLI, availability. */
    public boolean hasErrorBudget() {
        return sli.equals("availability_pct");
    }

    @Override
    public String toString() {
        return name + ": " + sli + " " + comparator.symbol() + " " + target + " per " + windows;
    }
}
