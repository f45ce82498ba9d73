package io.tributary.udfs.retail;

import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * How good one person's ranked recommendations are against the items relevant to them, as Spark's
 * {@code RankingMetrics} defines it (binary relevance): averaged over persons, these are its {@code
 * precisionAt}, {@code recallAt}, {@code meanAveragePrecisionAt}, {@code ndcgAt}, and the hit rate.
 * A person with no relevant item scores 0 everywhere, as in Spark.
 */
@PublicEvolving
public final class RankingMetrics {
    public final double precision;
    public final double recall;
    public final double averagePrecision;
    public final double ndcg;
    public final double hit;

    private RankingMetrics(
            double precision, double recall, double averagePrecision, double ndcg, double hit) {
        this.precision = precision;
        this.recall = recall;
        this.averagePrecision = averagePrecision;
        this.ndcg = ndcg;
        this.hit = hit;
    }

    /**
     * @param predicted the recommendations, best first
     * @param k the cut-off; {@link Integer#MAX_VALUE} gives Spark's {@code meanAveragePrecision}
     *     (average precision over every prediction, divided by the relevant count)
     */
    public static RankingMetrics at(List<String> predicted, Set<String> relevant, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        if (relevant.isEmpty()) {
            return new RankingMetrics(0, 0, 0, 0, 0);
        }
        int considered = Math.min(predicted.size(), k);
        int hits = 0;
        double precisionSum = 0;
        double dcg = 0;
        for (int i = 0; i < considered; i++) {
            if (relevant.contains(predicted.get(i))) {
                hits++;
                precisionSum += (double) hits / (i + 1);
                dcg += gain(i);
            }
        }
        double idealDcg = 0;
        int idealLength = Math.min(Math.max(predicted.size(), relevant.size()), k);
        for (int i = 0; i < Math.min(idealLength, relevant.size()); i++) {
            idealDcg += gain(i);
        }
        return new RankingMetrics(
                k == Integer.MAX_VALUE ? 0 : (double) hits / k,
                (double) hits / relevant.size(),
                precisionSum / Math.min(relevant.size(), k),
                dcg / idealDcg,
                hits > 0 ? 1 : 0);
    }

    private static double gain(int position) {
        return 1.0 / Math.log(position + 2);
    }
}
