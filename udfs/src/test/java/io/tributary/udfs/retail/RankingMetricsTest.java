package io.tributary.udfs.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The golden values of Spark's {@code RankingMetricsSuite} (mllib, "Ranking metrics: MAP, NDCG,
 * Recall" and SPARK-14886), reproduced by averaging each person's {@link RankingMetrics} over the
 * suite's persons.
 */
class RankingMetricsTest {
    private static final double EPS = 1e-5;

    /** Spark's three users: predictions and labels, the third with no label. */
    private static final List<List<List<Integer>>> SPARK_SUITE =
            List.of(
                    List.of(List.of(1, 6, 2, 7, 8, 3, 9, 10, 4, 5), List.of(1, 2, 3, 4, 5)),
                    List.of(List.of(4, 1, 5, 6, 2, 7, 3, 8, 9, 10), List.of(1, 2, 3)),
                    List.of(List.of(1, 2, 3, 4, 5), List.of()));

    private static final List<List<List<Integer>>> FEW_PREDICTIONS =
            List.of(
                    List.of(List.of(1, 6, 2), List.of(1, 2, 3, 4, 5)),
                    List.of(List.of(), List.of(1, 2, 3)));

    @Test
    void precisionRecallMapAndNdcgMatchSparksSuite() {
        assertThat(mean(SPARK_SUITE, 1, m -> m.precision)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 2, m -> m.precision)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 3, m -> m.precision)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 4, m -> m.precision)).isCloseTo(0.75 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 5, m -> m.precision)).isCloseTo(0.8 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 10, m -> m.precision)).isCloseTo(0.8 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 15, m -> m.precision)).isCloseTo(8.0 / 45, within(EPS));

        assertThat(mean(SPARK_SUITE, Integer.MAX_VALUE, m -> m.averagePrecision))
                .as("meanAveragePrecision")
                .isCloseTo(0.355026, within(EPS));
        assertThat(mean(SPARK_SUITE, 1, m -> m.averagePrecision)).isCloseTo(0.333334, within(EPS));
        assertThat(mean(SPARK_SUITE, 2, m -> m.averagePrecision)).isCloseTo(0.25, within(EPS));
        assertThat(mean(SPARK_SUITE, 3, m -> m.averagePrecision)).isCloseTo(0.24074, within(EPS));

        assertThat(mean(SPARK_SUITE, 3, m -> m.ndcg)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 5, m -> m.ndcg)).isCloseTo(0.328788, within(EPS));
        assertThat(mean(SPARK_SUITE, 10, m -> m.ndcg)).isCloseTo(0.487913, within(EPS));
        assertThat(mean(SPARK_SUITE, 15, m -> m.ndcg))
                .isCloseTo(mean(SPARK_SUITE, 10, m -> m.ndcg), within(EPS));

        assertThat(mean(SPARK_SUITE, 1, m -> m.recall)).isCloseTo(1.0 / 15, within(EPS));
        assertThat(mean(SPARK_SUITE, 2, m -> m.recall)).isCloseTo(8.0 / 45, within(EPS));
        assertThat(mean(SPARK_SUITE, 3, m -> m.recall)).isCloseTo(11.0 / 45, within(EPS));
        assertThat(mean(SPARK_SUITE, 4, m -> m.recall)).isCloseTo(11.0 / 45, within(EPS));
        assertThat(mean(SPARK_SUITE, 5, m -> m.recall)).isCloseTo(16.0 / 45, within(EPS));
        assertThat(mean(SPARK_SUITE, 10, m -> m.recall)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(mean(SPARK_SUITE, 15, m -> m.recall)).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void fewerPredictionsThanKMatchSpark14886() {
        assertThat(mean(FEW_PREDICTIONS, 1, m -> m.precision)).isCloseTo(0.5, within(EPS));
        assertThat(mean(FEW_PREDICTIONS, 2, m -> m.precision)).isCloseTo(0.25, within(EPS));
        assertThat(mean(FEW_PREDICTIONS, 1, m -> m.ndcg)).isCloseTo(0.5, within(EPS));
        assertThat(mean(FEW_PREDICTIONS, 2, m -> m.ndcg)).isCloseTo(0.30657, within(EPS));
        assertThat(mean(FEW_PREDICTIONS, 1, m -> m.recall)).isCloseTo(0.1, within(EPS));
        assertThat(mean(FEW_PREDICTIONS, 2, m -> m.recall)).isCloseTo(0.1, within(EPS));
    }

    @Test
    void aHitIsAnyRelevantItemInTheTopK() {
        RankingMetrics late = RankingMetrics.at(List.of("a", "b", "c"), Set.of("c"), 2);
        RankingMetrics early = RankingMetrics.at(List.of("a", "b", "c"), Set.of("c"), 3);
        assertThat(late.hit).isZero();
        assertThat(early.hit).isEqualTo(1.0);
    }

    private static double mean(
            List<List<List<Integer>>> persons, int k, ToDoubleFunction<RankingMetrics> metric) {
        return persons.stream()
                .mapToDouble(
                        p ->
                                metric.applyAsDouble(
                                        RankingMetrics.at(
                                                strings(p.get(0)),
                                                Set.copyOf(strings(p.get(1))),
                                                k)))
                .average()
                .orElseThrow();
    }

    private static List<String> strings(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.toList());
    }
}
