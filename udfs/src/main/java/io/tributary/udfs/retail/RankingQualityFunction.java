package io.tributary.udfs.retail;

import java.util.Arrays;
import java.util.HashSet;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code LATERAL TABLE(ranking_quality(recommended, relevant, k))}: one person's {@link
 * RankingMetrics} at {@code k}; {@code AVG} over persons gives Spark's figures.
 */
@PublicEvolving
@FunctionHint(
        output =
                @DataTypeHint(
                        "ROW<precision_at_k DOUBLE, recall_at_k DOUBLE, average_precision_at_k DOUBLE,"
                                + " ndcg_at_k DOUBLE, hit_at_k DOUBLE>"))
public class RankingQualityFunction extends TableFunction<Row> {
    public static final String NAME = "ranking_quality";

    public void eval(String[] recommended, String[] relevant, Integer k) {
        RankingMetrics m =
                RankingMetrics.at(
                        recommended == null ? java.util.List.of() : Arrays.asList(recommended),
                        relevant == null
                                ? java.util.Set.of()
                                : new HashSet<>(Arrays.asList(relevant)),
                        k);
        collect(Row.of(m.precision, m.recall, m.averagePrecision, m.ndcg, m.hit));
    }
}
