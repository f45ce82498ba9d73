package io.tributary.pipelines.retail.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.retail.SimilarityAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The live model's bookkeeping: whatever order events arrive and are retracted in, however often it
 * refreshes, and across a snapshot and restore, the rows it has emitted add up to what one refresh
 * of a model fed only the surviving events emits. The settings are small so that the pool's bounds
 * and Swing's sample are crossed both ways. (That a model equals the batch SQL is
 * RetailStreamingITCase's.)
 */
class IncrementalModelTest {
    private static final ModelSettings SMALL =
            new ModelSettings(3, 2, 6, 4, 15, 0, 0.3, 3, SimilarityAlgorithm.COSINE, 7, 10);

    @ParameterizedTest
    @EnumSource(SimilarityAlgorithm.class)
    void emittedRowsAddUpToAModelOfTheSurvivingEvents(SimilarityAlgorithm algorithm)
            throws Exception {
        ModelSettings settings = settings(algorithm);
        Random random = new Random(algorithm.ordinal() + 7);
        List<String[]> live = new ArrayList<>();
        Table table = new Table();
        IncrementalModel model = new IncrementalModel(settings);
        for (int step = 0; step < 1_600; step++) {
            if (!live.isEmpty() && random.nextInt(4) == 0) {
                String[] event = live.remove(random.nextInt(live.size()));
                apply(model, event, -1);
            } else {
                String[] event = {
                    random.nextInt(10) == 0 ? null : "p" + random.nextInt(90),
                    "i" + (int) Math.abs(random.nextGaussian() * 8),
                    String.valueOf(random.nextInt(5) == 0)
                };
                live.add(event);
                apply(model, event, 1);
            }
            if (random.nextBoolean()) {
                model.refresh(table);
            }
            if (step == 800) {
                model.refresh(table);
                IncrementalModel restored = new IncrementalModel(settings);
                ModelSnapshot.read(ModelSnapshot.write(model), restored);
                model = restored;
            }
        }
        model.refresh(table);

        Table once = new Table();
        IncrementalModel fresh = new IncrementalModel(settings);
        live.forEach(event -> apply(fresh, event, 1));
        fresh.refresh(once);
        assertThat(once.rows).isNotEmpty();
        assertThat(once.rows.keySet())
                .anyMatch(
                        row -> row.startsWith("similarity") && row.contains(algorithm.toString()));
        assertThat(table.rows).isEqualTo(once.rows);
    }

    @ParameterizedTest
    @EnumSource(SimilarityAlgorithm.class)
    void retractingEveryEventRetractsEveryRow(SimilarityAlgorithm algorithm) {
        IncrementalModel model = new IncrementalModel(settings(algorithm));
        Table table = new Table();
        List<String[]> events = new ArrayList<>();
        IntStream.range(0, 200)
                .forEach(
                        k ->
                                events.add(
                                        new String[] {
                                            "p" + k % 13, "i" + k % 7, String.valueOf(k % 3 == 0)
                                        }));
        events.forEach(event -> apply(model, event, 1));
        model.refresh(table);
        assertThat(table.rows).isNotEmpty();
        events.forEach(event -> apply(model, event, -1));
        model.refresh(table);
        assertThat(table.rows).isEmpty();
    }

    private static ModelSettings settings(SimilarityAlgorithm algorithm) {
        return new ModelSettings(
                SMALL.neighbours,
                SMALL.minItems,
                SMALL.maxItems,
                SMALL.maxPersonsPerItem,
                SMALL.alpha1,
                SMALL.alpha2,
                SMALL.beta,
                SMALL.size,
                algorithm,
                SMALL.holdoutDays,
                SMALL.evalK);
    }

    private static void apply(IncrementalModel model, String[] event, int sign) {
        model.apply(event[0], event[1], Boolean.parseBoolean(event[2]), sign);
    }

    /** A sink holding rows as counts, as the Delta changelog sink does without a key. */
    private static final class Table implements IncrementalModel.Emitter {
        final Map<String, Integer> rows = new TreeMap<>();

        @Override
        public void similarity(Row row) {
            add("similarity", row);
        }

        @Override
        public void recommendation(Row row) {
            add("recommendation", row);
        }

        private void add(String table, Row row) {
            String key = table + Arrays.deepToString(fields(row));
            int sign = row.getKind() == RowKind.DELETE ? -1 : 1;
            rows.merge(key, sign, (a, b) -> a + b == 0 ? null : a + b);
        }

        private static Object[] fields(Row row) {
            return IntStream.range(0, row.getArity()).mapToObj(row::getField).toArray();
        }
    }
}
