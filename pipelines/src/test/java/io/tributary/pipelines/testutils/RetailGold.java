package io.tributary.pipelines.testutils;

import java.util.ArrayList;
import java.util.List;

/** The retail gold tables as sorted, rounded rows, for comparing a lake with a batch run's. */
public final class RetailGold {
    /** Each gold table, sorted: the two KPI tables, similarity, recommendations, quality. */
    private static final List<String> QUERIES =
            List.of(
                    "SELECT * FROM gold.retail_daily_kpis ORDER BY event_date",
                    "SELECT * FROM gold.retail_daily_category_kpis ORDER BY event_date, item_category",
                    "SELECT * FROM gold.retail_item_similarity ORDER BY algorithm, item_id, similarity_rank",
                    "SELECT * FROM gold.retail_recommendations ORDER BY person_id",
                    "SELECT * FROM gold.retail_recommendation_quality ORDER BY algorithm");

    /** How many of the leading tables a stream keeps: all of them. */
    public static final int STREAMED = 5;

    private RetailGold() {}

    /** Every gold table. */
    public static List<List<String>> tables(Lake lake) throws Exception {
        return read(lake, QUERIES);
    }

    /** The tables a stream keeps current. */
    public static List<List<String>> streamed(Lake lake) throws Exception {
        return read(lake, QUERIES.subList(0, STREAMED));
    }

    private static List<List<String>> read(Lake lake, List<String> queries) throws Exception {
        List<List<String>> tables = new ArrayList<>();
        for (String query : queries) {
            tables.add(lake.rowsRounded(query));
        }
        return tables;
    }
}
