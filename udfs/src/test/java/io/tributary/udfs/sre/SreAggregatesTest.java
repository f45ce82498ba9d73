package io.tributary.udfs.sre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/** The SRE pipeline's aggregates, including the partial accumulators of two-phase aggregation. */
class SreAggregatesTest {
    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text);
    }

    @Test
    void theMedianGapIsTakenBetweenConsecutiveTimestampsInTimeOrder() {
        MedianGapFunction f = new MedianGapFunction();
        MedianGapFunction.Accumulator acc = f.createAccumulator();
        f.accumulate(acc, at("2025-01-01T06:00"));
        assertThat(f.getValue(acc)).as("one deploy has no gap").isNull();
        f.accumulate(acc, at("2025-01-01T00:00"));
        f.accumulate(acc, at("2025-01-01T02:00"));
        f.accumulate(acc, at("2025-01-01T16:00"));
        assertThat(f.getValue(acc)).as("gaps 2, 4, 10").isEqualTo(4.0);
        f.retract(acc, at("2025-01-01T02:00"));
        assertThat(f.getValue(acc)).as("gaps 6, 10").isEqualTo(8.0);
        f.accumulate(acc, at("2025-01-01T16:00"));
        assertThat(f.getValue(acc)).as("gaps 6, 10, 0: two deploys at one instant").isEqualTo(6.0);
    }

    @Test
    void aPartialAccumulatorThatSawARetractionFirstStillMergesRight() {
        MedianGapFunction f = new MedianGapFunction();
        MedianGapFunction.Accumulator global = f.createAccumulator();
        f.accumulate(global, at("2025-01-01T00:00"));
        f.accumulate(global, at("2025-01-01T01:00"));
        f.accumulate(global, at("2025-01-01T05:00"));
        MedianGapFunction.Accumulator local = f.createAccumulator();
        f.retract(local, at("2025-01-01T01:00"));
        f.merge(global, List.of(local));
        assertThat(f.getValue(global))
                .as("the 01:00 deploy is gone: one gap of 5 h")
                .isEqualTo(5.0);

        PercentileFunction p90 = PercentileFunction.p90();
        PercentileFunction.Accumulator days = p90.createAccumulator();
        for (double d : new double[] {0.5, 1, 2, 3, 9}) {
            p90.accumulate(days, d);
        }
        PercentileFunction.Accumulator retracted = p90.createAccumulator();
        p90.retract(retracted, 9.0);
        p90.merge(days, List.of(retracted));
        assertThat(p90.getValue(days)).as("p90 of 0.5, 1, 2, 3").isCloseTo(2.7, within(1e-12));
    }

    @Test
    void contributorsAreRankedByWeightWithTheirShareAndTheirOwnFigure() {
        ContributorsFunction f = new ContributorsFunction();
        ContributorsFunction.Accumulator acc = f.createAccumulator();
        // Closures: dba late twice (3 and 2 days), ops once late (4 days) and once not, net never
        // late.
        f.accumulate(acc, "dba", 1L, 3.0, 1.0);
        f.accumulate(acc, "dba", 1L, 2.0, 1.0);
        f.accumulate(acc, "ops", 1L, 4.0, 1.0);
        f.accumulate(acc, "ops", 0L, 0.5, 1.0);
        f.accumulate(acc, "net", 0L, 0.2, 1.0);
        f.accumulate(acc, null, 1L, 9.0, 1.0);
        List<Contributor> top = contributors(f.getValue(acc));
        assertThat(top)
                .extracting(c -> c.rank + " " + c.name + " " + c.contributed)
                .containsExactly("1 dba 2", "2 ops 1");
        assertThat(top.get(0).sharePct).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(top.get(0).detail).as("dba's mean days").isEqualTo(2.5);
        assertThat(top.get(1).detail).as("ops's mean days").isEqualTo(2.25);

        ContributorsFunction.Accumulator local = f.createAccumulator();
        f.retract(local, "ops", 1L, 4.0, 1.0);
        f.merge(acc, List.of(local));
        assertThat(contributors(f.getValue(acc)))
                .extracting(c -> c.name + " " + c.sharePct + " " + c.detail)
                .containsExactly("dba 100.0 2.5");
    }

    @Test
    void anUpdateSeenByAPartialAccumulatorKeepsItsChange() {
        // Requests counted per endpoint: api's count goes from 4 (2 failed) to 6 (2 failed). A
        // partial
        // accumulator sees the update's retraction and insertion: no rows added, but 2 more
        // requests.
        ContributorsFunction f = new ContributorsFunction();
        ContributorsFunction.Accumulator global = f.createAccumulator();
        f.accumulate(global, "api", 2L, 200.0, 4.0);
        ContributorsFunction.Accumulator local = f.createAccumulator();
        f.retract(local, "api", 2L, 200.0, 4.0);
        f.accumulate(local, "api", 2L, 200.0, 6.0);
        f.merge(global, List.of(local));
        assertThat(contributors(f.getValue(global)))
                .extracting(c -> c.name + " " + c.contributed + " " + c.detail)
                .as("2 of 6 requests failed")
                .containsExactly("api 2 " + 200.0 / 6);
    }

    @Test
    void moreThanThreeContributorsKeepTheTopThreeTiesByName() {
        ContributorsFunction f = new ContributorsFunction();
        ContributorsFunction.Accumulator acc = f.createAccumulator();
        for (String name : new String[] {"d", "c", "b", "a", "a"}) {
            f.accumulate(acc, name, 1L, 1.0, 0.0);
        }
        assertThat(contributors(f.getValue(acc)))
                .extracting(c -> c.name + " " + c.detail)
                .as("a zero denominator has no figure")
                .containsExactly("a null", "b null", "c null");
    }

    @Test
    void aRecommendationNamesTheWorstContributorWithItsFigures() {
        List<Contributor> groups = List.of(new Contributor(1, "network-ops", 61, 61.0, 4.2));
        List<Contributor> categories = List.of(new Contributor(1, "availability", 40, 40.0, 3.0));
        assertThat(
                        SloRecommendations.recommend(
                                "response_days", 1.9, 1.5, SloComparator.LTE, groups, categories))
                .isEqualTo(
                        "The incident response time was 1.9 days (target ≤ 1.5 days). Incidents in assignment group "
                                + "network-ops take 4.2 days on average, 61 % of late closures: review its staffing, hand-offs "
                                + "and escalation. The category with the most late closures is availability (40 %).");
        assertThat(
                        SloRecommendations.recommend(
                                "availability_pct",
                                91.25,
                                94,
                                SloComparator.GTE,
                                List.of(new Contributor(1, "payments /api/pay", 27, 27.0, 18.5)),
                                List.of()))
                .startsWith(
                        "Availability was 91.25 % (target ≥ 94 %). Endpoint payments /api/pay returned 27 % of the 5xx");
        assertThat(
                        SloRecommendations.recommend(
                                "deploy_interval_hours",
                                null,
                                3.5,
                                SloComparator.LTE,
                                List.of(),
                                List.of()))
                .startsWith("No value for the deploy interval in the period (target ≤ 3.5 h).")
                .contains("Fewer than two deploys");
        assertThat(
                        SloRecommendations.recommend(
                                "deploy_interval_hours",
                                5.0,
                                3.5,
                                SloComparator.LTE,
                                List.of(),
                                List.of()))
                .contains("cadence itself is slow");
    }

    private static List<Contributor> contributors(Row[] rows) {
        return Arrays.stream(rows)
                .map(Contributor::of)
                .collect(java.util.stream.Collectors.toList());
    }
}
