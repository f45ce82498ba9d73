package io.tributary.udfs.retail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/** One person's recommendation from their seen items' neighbour lists, and the popular fallback. */
class RecommendFunctionTest {
    private final RecommendFunction recommend = new RecommendFunction();
    private final PopularFillFunction fill = new PopularFillFunction();

    @Test
    void unseenNeighboursRankBySummedScoreWithTheStrongestSeenItemAsBecause() {
        RecommendFunction.Accumulator acc = recommend.createAccumulator();
        seen(acc, "a", List.of("b", "x", "y"), List.of(0.9, 0.5, 0.2));
        seen(acc, "b", List.of("a", "y", "x"), List.of(0.9, 0.4, 0.1));
        seen(acc, "c", null, null);

        Row r = recommend.getValue(acc);

        assertThat((String[]) r.getField(0)).containsExactly("a", "b", "c");
        // x: 0.5 + 0.1, y: 0.2 + 0.4; a tie broken by item id, each "because" its larger share
        assertThat((String[]) r.getField(1)).containsExactly("x", "y");
        assertThat((Double[]) r.getField(2)).containsExactly(0.6, 0.6);
        assertThat((String[]) r.getField(3)).containsExactly("a", "b");
        assertThat(r.getField(4)).isEqualTo("similarity");
    }

    @Test
    void equalContributionsNameTheSmallerSeenItemAndOnlyTopNAreKept() {
        RecommendFunction.Accumulator acc = recommend.createAccumulator();
        seen(acc, "m", List.of("z", "p", "q"), List.of(0.3, 0.2, 0.1), 2);
        seen(acc, "k", List.of("z"), List.of(0.3), 2);

        Row r = recommend.getValue(acc);

        assertThat((String[]) r.getField(1)).containsExactly("z", "p");
        assertThat((String[]) r.getField(3)).containsExactly("k", "m");
    }

    @Test
    void partialGroupsMergeToTheSameAnswer() {
        RecommendFunction.Accumulator left = recommend.createAccumulator();
        seen(left, "a", List.of("b", "x", "y"), List.of(0.9, 0.5, 0.2));
        RecommendFunction.Accumulator right = recommend.createAccumulator();
        seen(right, "b", List.of("a", "y", "x"), List.of(0.9, 0.4, 0.1));
        recommend.merge(left, List.of(right));

        RecommendFunction.Accumulator whole = recommend.createAccumulator();
        seen(whole, "a", List.of("b", "x", "y"), List.of(0.9, 0.5, 0.2));
        seen(whole, "b", List.of("a", "y", "x"), List.of(0.9, 0.4, 0.1));

        assertThat(recommend.getValue(left)).isEqualTo(recommend.getValue(whole));
    }

    @Test
    void aRetractedSeenItemTakesItsContributionsAlong() {
        RecommendFunction.Accumulator acc = recommend.createAccumulator();
        seen(acc, "a", List.of("x"), List.of(0.5));
        seen(acc, "b", List.of("y", "x"), List.of(0.4, 0.1));
        recommend.retract(acc, "b", new String[] {"y", "x"}, new Double[] {0.4, 0.1}, 10);

        RecommendFunction.Accumulator only = recommend.createAccumulator();
        seen(only, "a", List.of("x"), List.of(0.5));
        assertThat(recommend.getValue(acc)).isEqualTo(recommend.getValue(only));
    }

    @Test
    void aPersonWithoutCandidatesGetsThePopularItemsTheyHaveNotSeen() {
        RecommendFunction.Accumulator acc = recommend.createAccumulator();
        seen(acc, "a", List.of("b"), List.of(0.9));
        seen(acc, "b", List.of("a"), List.of(0.9));
        Row none = recommend.getValue(acc);
        assertThat(none.getField(1)).isNull();
        assertThat(none.getField(4)).isEqualTo("popular");

        Row popular =
                fill.eval(
                        none, new String[] {"b", "p", "q", "r"}, new Double[] {9., 7., 5., 1.}, 2);

        assertThat((String[]) popular.getField(0)).containsExactly("a", "b");
        assertThat((String[]) popular.getField(1)).containsExactly("p", "q");
        assertThat((Double[]) popular.getField(2)).containsExactly(7.0, 5.0);
        assertThat((String[]) popular.getField(3)).containsExactly(null, null);
        assertThat(popular.getField(4)).isEqualTo("popular");
    }

    @Test
    void aPersonWhoSawEveryPopularItemKeepsNullLists() {
        RecommendFunction.Accumulator acc = recommend.createAccumulator();
        seen(acc, "p", null, null);
        Row r = fill.eval(recommend.getValue(acc), new String[] {"p"}, new Double[] {3.}, 10);

        assertThat(r.getField(1)).isNull();
        assertThat(r.getField(4)).isEqualTo("popular");
    }

    @Test
    void aRecommendationWithCandidatesIsLeftAsItIs() {
        RecommendFunction.Accumulator acc = recommend.createAccumulator();
        seen(acc, "a", List.of("x"), List.of(0.5));
        Row r = recommend.getValue(acc);

        assertThat(fill.eval(r, new String[] {"p"}, new Double[] {3.}, 10)).isSameAs(r);
    }

    private void seen(
            RecommendFunction.Accumulator acc, String item, List<String> nb, List<Double> s) {
        seen(acc, item, nb, s, 10);
    }

    private void seen(
            RecommendFunction.Accumulator acc,
            String item,
            List<String> nb,
            List<Double> s,
            int n) {
        recommend.accumulate(
                acc,
                item,
                nb == null ? null : nb.toArray(new String[0]),
                s == null ? null : s.toArray(new Double[0]),
                n);
    }
}
