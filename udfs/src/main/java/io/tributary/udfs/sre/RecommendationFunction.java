package io.tributary.udfs.sre;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * {@code SLO_RECOMMENDATION(sli, value, target, comparator, contributors, secondary)}: the
 * suggestion for a missed SLO (see {@link SloRecommendations}); {@code contributors} and {@code
 * secondary} are {@code CONTRIBUTORS(...)} results, either may be null.
 */
@PublicEvolving
public final class RecommendationFunction extends ScalarFunction {
    public static final String NAME = "SLO_RECOMMENDATION";

    public String eval(
            String sli,
            Double value,
            Double target,
            String comparator,
            @DataTypeHint("ARRAY<" + Contributor.SQL_TYPE + ">") Row[] contributors,
            @DataTypeHint("ARRAY<" + Contributor.SQL_TYPE + ">") Row[] secondary) {
        if (sli == null || target == null || comparator == null) {
            return null;
        }
        return SloRecommendations.recommend(
                sli,
                value,
                target,
                SloComparator.parse(comparator),
                list(contributors),
                list(secondary));
    }

    private static List<Contributor> list(Row[] rows) {
        return rows == null
                ? List.of()
                : Arrays.stream(rows).map(Contributor::of).collect(Collectors.toList());
    }
}
