package io.tributary.udfs.sre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Judging SLIs against targets, error budgets and percentiles, on last year's SLO targets. */
class SloMathTest {
    @Test
    void comparatorsJudgeAtTheBoundaryAndNeverMeetWithoutAValue() {
        assertThat(SloComparator.parse("lte").met(3.5, 3.5)).as("deploy every ≤ 3.5 h").isTrue();
        assertThat(SloComparator.parse("<=").met(3.51, 3.5)).isFalse();
        assertThat(SloComparator.parse("GTE").met(94.0, 94)).as("≥ 94 % availability").isTrue();
        assertThat(SloComparator.GTE.met(93.99, 94)).isFalse();
        assertThat(SloComparator.LT.met(1.5, 1.5)).isFalse();
        assertThat(SloComparator.GT.met(null, 0)).as("a month without data").isFalse();
        assertThat(SloComparator.LTE.met(Double.NaN, 10)).isFalse();
        assertThatThrownBy(() -> SloComparator.parse("about"))
                .hasMessageContaining("use lte, gte, lt or gt");
    }

    @Test
    void theAvailabilityBudgetIsTheShareOfBadEventsTheTargetAllows() {
        // Target 94 %: 6 % may be bad. 97 % good used half of it; 91 % overspent it by half.
        assertThat(ErrorBudget.burnRate(97.0, 94)).isCloseTo(0.5, within(1e-12));
        assertThat(ErrorBudget.remaining(97.0, 94)).isCloseTo(0.5, within(1e-12));
        assertThat(ErrorBudget.remaining(91.0, 94)).isCloseTo(-0.5, within(1e-12));
        assertThat(ErrorBudget.remaining(100.0, 94)).isEqualTo(1.0);
        assertThat(ErrorBudget.burnRate(null, 94)).isNull();
        assertThat(ErrorBudget.burnRate(99.0, 100)).as("a 100 % target has no budget").isNull();
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        assertThat(Percentiles.of(new double[] {4, 1, 3, 2}, 0.5)).isEqualTo(2.5);
        assertThat(Percentiles.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9))
                .isCloseTo(9.1, within(1e-12));
        assertThat(Percentiles.of(new double[] {7}, 0.9)).isEqualTo(7.0);
        assertThat(Percentiles.of(new double[0], 0.5)).isNull();
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}, 1.5))
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void thePercentileAggregateFollowsInsertionsAndRetractions() {
        PercentileFunction f = PercentileFunction.median();
        PercentileFunction.Accumulator acc = f.createAccumulator();
        assertThat(f.getValue(acc)).isNull();
        for (double days : new double[] {0.5, 1.0, 4.2, 1.0, 2.0}) {
            f.accumulate(acc, days);
        }
        f.accumulate(acc, null);
        assertThat(f.getValue(acc)).as("median of 0.5, 1, 1, 2, 4.2").isEqualTo(1.0);
        f.retract(acc, 1.0);
        f.retract(acc, 0.5);
        assertThat(f.getValue(acc)).as("median of 1, 2, 4.2").isEqualTo(2.0);

        PercentileFunction.Accumulator other = f.createAccumulator();
        f.retract(other, 4.2);
        f.accumulate(other, 10.0);
        f.accumulate(other, 4.2);
        f.merge(acc, java.util.List.of(other));
        assertThat(f.getValue(acc)).as("median of 1, 2, 4.2, 10").isEqualTo(3.1);
    }
}
