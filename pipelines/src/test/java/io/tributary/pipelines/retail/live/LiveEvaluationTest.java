package io.tributary.pipelines.retail.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.retail.SimilarityAlgorithm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/**
 * The live evaluation's bookkeeping: events arriving out of date order move the holdout's edge
 * forward, retractions of the latest days move it back, refreshes come at any point and a snapshot
 * is restored midway — and the quality rows emitted add up to what one refresh of an evaluation fed
 * only the surviving events emits. (That it equals the batch SQL is RetailStreamingITCase's.)
 */
class LiveEvaluationTest {
    private static final ModelSettings SETTINGS =
            new ModelSettings(3, 1, 8, 4, 15, 0, 0.3, 3, SimilarityAlgorithm.COSINE, 3, 4);
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    @Test
    void emittedRowsAddUpToAnEvaluationOfTheSurvivingEvents() throws Exception {
        Random random = new Random(5);
        List<Object[]> live = new ArrayList<>();
        Map<String, Integer> table = new TreeMap<>();
        IncrementalModel model = new IncrementalModel(SETTINGS);
        LiveEvaluation evaluation = new LiveEvaluation(SETTINGS);
        for (int step = 0; step < 1_500; step++) {
            if (!live.isEmpty() && random.nextInt(5) == 0) {
                // mostly the latest events: the edge moves back
                int at = random.nextBoolean() ? live.size() - 1 : random.nextInt(live.size());
                Object[] event = live.remove(at);
                apply(evaluation, event, -1);
            } else {
                Object[] event = {
                    random.nextInt(8) == 0 ? null : "p" + random.nextInt(40),
                    "i" + (int) Math.abs(random.nextGaussian() * 6),
                    random.nextInt(3) == 0,
                    FIRST.plusDays(step / 150 + random.nextInt(3) - 1)
                };
                live.add(event);
                apply(evaluation, event, 1);
            }
            if (random.nextInt(4) == 0) {
                evaluation.refresh(row -> add(table, row));
            }
            if (step == 700) {
                evaluation.refresh(row -> add(table, row));
                LiveEvaluation restored = new LiveEvaluation(SETTINGS);
                IncrementalModel restoredModel = new IncrementalModel(SETTINGS);
                ModelSnapshot.read(ModelSnapshot.write(model, evaluation), restoredModel, restored);
                evaluation = restored;
            }
        }
        evaluation.refresh(row -> add(table, row));

        Map<String, Integer> once = new TreeMap<>();
        LiveEvaluation fresh = new LiveEvaluation(SETTINGS);
        live.forEach(event -> apply(fresh, event, 1));
        fresh.refresh(row -> add(once, row));
        assertThat(once).hasSize(3);
        assertThat(once.keySet()).anyMatch(row -> !row.contains(", 0.0, 0.0, 0.0, 0.0, 0.0,"));
        assertThat(table).isEqualTo(once);
    }

    private static void apply(LiveEvaluation evaluation, Object[] event, int sign) {
        evaluation.apply(
                (String) event[0],
                (String) event[1],
                (Boolean) event[2],
                (LocalDate) event[3],
                sign);
    }

    private static void add(Map<String, Integer> table, Row row) {
        String key =
                Arrays.deepToString(
                        IntStream.range(0, row.getArity()).mapToObj(row::getField).toArray());
        int sign = row.getKind() == RowKind.DELETE ? -1 : 1;
        table.merge(key, sign, (a, b) -> a + b == 0 ? null : a + b);
    }
}
