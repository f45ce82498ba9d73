package io.tributary.udfs.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/**
 * Flink ML's Swing test data (users {10,11,12}, {13,12}, {10,11,12}, {13,12}, and {12,10,11,12,13},
 * which minUserBehavior 2 and maxUserBehavior 3 leave out): item 12's scores must be the values its
 * test pins, with α₁ 15, α₂ 0, β 0.3.
 */
class SwingScoresFunctionTest {
    private static final Map<String, String[]> SETS =
            Map.of(
                    "u0", new String[] {"10", "11", "12"},
                    "u1", new String[] {"13", "12"},
                    "u2", new String[] {"10", "11", "12"},
                    "u3", new String[] {"13", "12"});

    @Test
    void item12sScoresAreFlinkMlsPinnedValues() {
        Map<String, Double> scores = scoresOf("12", List.of("u0", "u1", "u2", "u3"));

        assertThat(scores).containsOnlyKeys("10", "11", "13");
        assertThat(scores.get("13")).isCloseTo(0.09134833828228624, within(1e-12));
        assertThat(scores.get("10")).isCloseTo(0.058845768947156235, within(1e-12));
        assertThat(scores.get("11")).isCloseTo(0.058845768947156235, within(1e-12));
    }

    @Test
    void mergedPartialGroupsScoreAsOneGroup() {
        SwingScoresFunction f = new SwingScoresFunction();
        SwingScoresFunction.Accumulator left = accumulate(f, "12", List.of("u0", "u1"));
        SwingScoresFunction.Accumulator right = accumulate(f, "12", List.of("u2", "u3"));
        f.merge(left, List.of(right));

        assertThat(asMap(f.getValue(left)))
                .isEqualTo(scoresOf("12", List.of("u0", "u1", "u2", "u3")));
    }

    @Test
    void aRetractedPersonLeavesTheScoresOfTheOthers() {
        SwingScoresFunction f = new SwingScoresFunction();
        SwingScoresFunction.Accumulator acc = accumulate(f, "12", List.of("u0", "u1", "u2", "u3"));
        f.retract(acc, "12", "u3", SETS.get("u3"), 2L, 15.0, 0.0, 0.3);

        assertThat(asMap(f.getValue(acc))).isEqualTo(scoresOf("12", List.of("u0", "u1", "u2")));
        assertThat(asMap(f.getValue(acc))).containsOnlyKeys("10", "11");
    }

    @Test
    void anItemWhosePersonsShareNothingElseHasNoNeighbours() {
        assertThat(scoresOf("13", List.of("u1"))).isEmpty();
        assertThat(scoresOf("10", List.of())).isEmpty();
    }

    private static Map<String, Double> scoresOf(String item, List<String> persons) {
        SwingScoresFunction f = new SwingScoresFunction();
        return asMap(f.getValue(accumulate(f, item, persons)));
    }

    private static SwingScoresFunction.Accumulator accumulate(
            SwingScoresFunction f, String item, List<String> persons) {
        SwingScoresFunction.Accumulator acc = f.createAccumulator();
        for (String p : persons) {
            f.accumulate(acc, item, p, SETS.get(p), (long) SETS.get(p).length, 15.0, 0.0, 0.3);
        }
        return acc;
    }

    private static Map<String, Double> asMap(Row[] rows) {
        Map<String, Double> scores = new TreeMap<>();
        for (Row r : rows) {
            scores.put((String) r.getField(0), (Double) r.getField(1));
        }
        return scores;
    }
}
