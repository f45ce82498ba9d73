package io.tributary.pipelines.retail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.ReferenceRetail;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retail backfill over generated shops: recommendations learnt from tastes beat the popularity
 * baseline by the margin, every gold table equals an independent computation over the
 * silver events, and a purchases-only export works too.
 */
class RetailGeneratedShopITCase {
    @TempDir Path dir;

    @Test
    void bothAlgorithmsBeatThePopularityBaselineAndGoldFollowsTheDefinitions() throws Exception {
        Configuration conf = conf();
        // Hit items here have a few hundred persons: Swing samples 60 of them.
        conf.set(RetailOptions.SWING_MAX_PERSONS_PER_ITEM, 60);
        RetailGenerator.Result generated =
                new RetailGenerator(3)
                        .generate(
                                dir.resolve("landing").resolve(RetailPipeline.NAME),
                                30_000,
                                1_000,
                                300,
                                21,
                                RetailGenerator.Format.JSON,
                                false);
        run(conf);
        Lake lake = new Lake(conf);
        assertThat(lake.count("silver.retail_rejects")).isEqualTo(generated.badRows);

        List<String> quality =
                lake.rowsRounded(
                        "SELECT * FROM gold.retail_recommendation_quality ORDER BY algorithm");
        System.out.println(
                "Recommendation quality on a generated shop (algorithm | k | P | R | MAP | NDCG | hit | coverage | persons | holdout):");
        quality.forEach(System.out::println);
        Map<String, Double> map = new TreeMap<>();
        quality.forEach(r -> map.put(r.split(" \\| ")[0], Double.parseDouble(r.split(" \\| ")[4])));
        assertThat(map.get("popular")).isPositive();
        assertThat(map.get("cosine")).isGreaterThanOrEqualTo(1.5 * map.get("popular"));
        assertThat(map.get("swing")).isGreaterThanOrEqualTo(1.5 * map.get("popular"));

        ReferenceRetail.Settings settings = new ReferenceRetail.Settings();
        settings.maxPersonsPerItem = 60;
        ReferenceRetail reference = new ReferenceRetail(silver(lake), settings);
        assertThat(quality).containsExactlyElementsOf(reference.quality());
        assertThat(lake.rowsRounded("SELECT * FROM gold.retail_daily_kpis ORDER BY event_date"))
                .hasSize(21)
                .containsExactlyElementsOf(reference.dailyKpis());
        assertThat(
                        lake.rowsRounded(
                                "SELECT algorithm, item_id, similar_item_id, score, similarity_rank FROM"
                                        + " gold.retail_item_similarity ORDER BY algorithm, item_id, similarity_rank"))
                .containsExactlyElementsOf(reference.similarity());
        assertThat(lake.rowsRounded("SELECT * FROM gold.retail_recommendations ORDER BY person_id"))
                .containsExactlyElementsOf(reference.recommendations());
    }

    @Test
    void aPurchasesOnlyExportInCsvGivesKpisWhereEveryIdentifiedVisitorBuys() throws Exception {
        Configuration conf = conf();
        new RetailGenerator(5)
                .generate(
                        dir.resolve("landing").resolve(RetailPipeline.NAME),
                        3_000,
                        300,
                        120,
                        10,
                        RetailGenerator.Format.CSV,
                        true);
        run(conf);
        Lake lake = new Lake(conf);
        assertThat(lake.rows("SELECT DISTINCT purchased FROM silver.retail_events"))
                .containsExactly("true");
        assertThat(
                        lake.rows(
                                "SELECT conversion_rate, visits = purchases FROM gold.retail_daily_kpis"))
                .hasSize(10)
                .allSatisfy(r -> assertThat(r).isEqualTo("1.0,true"));
        assertThat(lake.count("gold.retail_recommendations")).isPositive();
        assertThat(lake.count("gold.retail_item_similarity")).isPositive();
    }

    private static List<ReferenceRetail.Event> silver(Lake lake) throws Exception {
        List<ReferenceRetail.Event> events = new ArrayList<>();
        for (String r :
                lake.rows(
                        "SELECT event_id, COALESCE(person_id, '<null>'), item_id, item_category,"
                                + " event_date, purchased, CAST(price AS STRING), quantity, source_file,"
                                + " line_number FROM silver.retail_events")) {
            String[] f = r.split(",", -1);
            events.add(
                    new ReferenceRetail.Event(
                            f[0],
                            f[1].equals("<null>") ? null : f[1],
                            f[2],
                            f[3],
                            LocalDate.parse(f[4]),
                            Boolean.parseBoolean(f[5]),
                            f[6].equals("null") ? null : new BigDecimal(f[6]),
                            f[7].equals("null") ? null : Integer.valueOf(f[7]),
                            f[8] + "-" + String.format("%012d", Long.parseLong(f[9]))));
        }
        return events;
    }

    private Configuration conf() {
        return Landing.under(dir);
    }

    private static void run(Configuration conf) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(new RetailPipeline(conf), PipelineMode.BATCH);
    }
}
