package io.tributary.pipelines.retail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.pipelines.retail.command.RetailReportCommand;
import io.tributary.pipelines.runtime.PipelineMode;
import io.tributary.pipelines.runtime.PipelineRunner;
import io.tributary.pipelines.testutils.Lake;
import io.tributary.pipelines.testutils.Landing;
import io.tributary.pipelines.testutils.NamedQueries;
import io.tributary.pipelines.testutils.ReferenceRetail;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retail backfill over a hand-built shop — JSON, CSV and gzipped JSON files with anonymous
 * visits, a person who saw everything, an item nobody else saw, a duplicate event id, a purchase
 * without a prior view, events on both sides of midnight in different offsets, and bad rows —
 * checked against hand-computed KPIs and an independent computation of every gold table.
 */
class RetailBatchITCase {
    private static final String CSV_HEADER =
            "event_id,person_id,item_id,item_category,event_time,purchased,price,quantity";

    @TempDir Path dir;

    private final List<ReferenceRetail.Event> valid = new ArrayList<>();

    @Test
    void everyGoldTableFollowsTheDefinitions() throws Exception {
        Path landing = Files.createDirectories(dir.resolve("landing").resolve(RetailPipeline.NAME));
        List<String> a = new ArrayList<>();
        a.add(
                json(
                        "a",
                        1,
                        "e1",
                        "alice",
                        "i1",
                        "books",
                        "2026-03-01T09:00:00+00:00",
                        false,
                        null,
                        null));
        a.add(
                json(
                        "a",
                        2,
                        "e2",
                        "alice",
                        "i2",
                        "books",
                        "2026-03-01T09:05:00+00:00",
                        true,
                        "10.00",
                        2));
        // Local 1 March, UTC 2 March.
        a.add(
                json(
                        "a",
                        3,
                        "e3",
                        "bob",
                        "i1",
                        "books",
                        "2026-03-01T23:30:00-05:00",
                        false,
                        null,
                        null));
        a.add(json("a", 4, "e4", null, "i4", "toys", "2026-03-01T12:00:00Z", false, null, null));
        a.add(duplicate("e2", "alice", "i9", "2026-03-01T10:00:00Z")); // a repeated id: dropped
        a.add("this is not an event");
        // Local 2 March, UTC 1 March; a purchase without a prior view.
        a.add(json("a", 7, "e5", "bob", "i5", "toys", "2026-03-02T00:30:00+09:00", true, "5.5", 1));
        a.add(
                json(
                        "a",
                        8,
                        "e6",
                        "carol",
                        "i2",
                        "books",
                        "2026-03-02T10:00:00Z",
                        false,
                        null,
                        null));
        a.add(json("a", 9, "e7", "carol", "i3", "books", "2026-03-02T10:10:00Z", true, "7.25", 3));
        a.add(
                "{\"event_id\":\"e8\",\"person_id\":\"bob\",\"item_id\":\"i2\","
                        + "\"event_time\":\"2026-03-02T11:00:00Z\",\"purchased\":true,\"price\":-1,\"quantity\":1}");
        a.add(
                json(
                        "a",
                        11,
                        "e23",
                        "frank",
                        "i8",
                        "garden",
                        "2026-03-02T13:00:00Z",
                        false,
                        null,
                        null));
        Files.write(landing.resolve("a.json"), a);

        List<String> b = new ArrayList<>();
        b.add(CSV_HEADER);
        b.add(csv(2, "e9", "dave", "i6", "garden", "2026-03-02T12:00:00Z", false, null, null));
        b.add(csv(3, "e10", "dave", "i1", "books", "2026-03-03T08:00:00Z", true, "12.00", 1));
        int line = 4;
        for (String item : List.of("i1", "i2", "i3", "i4", "i5", "i6")) {
            String category =
                    item.compareTo("i4") < 0 ? "books" : item.equals("i6") ? "garden" : "toys";
            b.add(
                    csv(
                            line,
                            "erin" + line,
                            "erin",
                            item,
                            category,
                            "2026-03-03T09:0" + line + ":00Z",
                            false,
                            null,
                            null));
            line++;
        }
        b.add(csv(line++, "e17", null, "i3", "books", "2026-03-03T10:00:00Z", false, null, null));
        b.add("e18,alice,i3,books,2026-03-03T11:00:00Z,true,7.25,"); // a purchase without quantity
        line++;
        b.add(csv(line, "e19", "carol", "i1", "books", "2026-03-03T12:00:00Z", true, "12.00", 1));
        Files.write(landing.resolve("b.csv"), b);

        List<String> c = new ArrayList<>();
        c.add(json("c", 1, "e20", "alice", "i4", "toys", "2026-03-03T13:00:00Z", true, "20", 1));
        c.add(json("c", 2, "e21", "bob", "i3", "books", "2026-03-03T14:00:00Z", true, "7.25", 2));
        c.add(
                json(
                        "c",
                        3,
                        "e22",
                        "carol",
                        "i5",
                        "toys",
                        "2026-03-03T15:00:00Z",
                        false,
                        null,
                        null));
        try (OutputStream out =
                new GZIPOutputStream(Files.newOutputStream(landing.resolve("c.json.gz")))) {
            out.write((String.join("\n", c) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        Configuration conf = conf();
        conf.set(RetailOptions.HOLDOUT_DAYS, 1);
        run(conf);
        Lake lake = new Lake(conf);

        assertThat(lake.count("bronze.retail_events_raw"))
                .isEqualTo(a.size() + b.size() + c.size());
        assertThat(lake.rows("SELECT reason FROM silver.retail_rejects ORDER BY reason"))
                .hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("negative price"))
                .anySatisfy(r -> assertThat(r).contains("without a quantity"))
                .anySatisfy(r -> assertThat(r).startsWith("not a flat JSON object"));
        assertThat(lake.count("silver.retail_events"))
                .as("every valid line, the repeated id too; not the CSV header")
                .isEqualTo(a.size() + b.size() + c.size() - 3 - 1);

        // By hand: 1 March holds e1, e2, e3 (23:30 at -05:00) and the anonymous e4.
        assertThat(lake.rowsRounded("SELECT * FROM gold.retail_daily_kpis ORDER BY event_date"))
                .startsWith(
                        "2026-03-01 | 2 | 4 | 3 | 1 | 2 | 20.0000 | 1 | 0.500000000 | 20.0000",
                        "2026-03-02 | 4 | 5 | 5 | 2 | 4 | 27.2500 | 2 | 0.500000000 | 13.6250");

        ReferenceRetail.Settings settings = new ReferenceRetail.Settings();
        settings.holdoutDays = 1;
        ReferenceRetail reference = new ReferenceRetail(valid, settings);
        assertThat(lake.rowsRounded("SELECT * FROM gold.retail_daily_kpis ORDER BY event_date"))
                .containsExactlyElementsOf(reference.dailyKpis());
        assertThat(
                        lake.rowsRounded(
                                "SELECT * FROM gold.retail_daily_category_kpis ORDER BY event_date, item_category"))
                .containsExactlyElementsOf(reference.dailyCategoryKpis());
        assertThat(
                        lake.rowsRounded(
                                "SELECT algorithm, item_id, similar_item_id, score, similarity_rank FROM"
                                        + " gold.retail_item_similarity ORDER BY algorithm, item_id, similarity_rank"))
                .containsExactlyElementsOf(reference.similarity())
                .anySatisfy(r -> assertThat(r).startsWith("cosine | "))
                .anySatisfy(r -> assertThat(r).startsWith("swing | "));
        List<String> recommendations =
                lake.rowsRounded("SELECT * FROM gold.retail_recommendations ORDER BY person_id");
        assertThat(recommendations).containsExactlyElementsOf(reference.recommendations());
        assertThat(recommendations)
                .as("erin saw every purchased item: nothing is left")
                .contains("erin | [i1, i2, i3, i4, i5, i6] | null | null | null | popular")
                .as("frank's only item is his alone: no candidate, the popular items")
                .anySatisfy(
                        r -> assertThat(r).startsWith("frank | [i8] | [").endsWith("| popular"));
        List<String> quality =
                lake.rowsRounded(
                        "SELECT * FROM gold.retail_recommendation_quality ORDER BY algorithm");
        assertThat(quality).containsExactlyElementsOf(reference.quality());
        assertThat(quality)
                .extracting(r -> r.split(" \\| ")[0])
                .containsExactly("cosine", "popular", "swing");
        assertThat(quality).allSatisfy(r -> assertThat(r).endsWith("| 4 | 2026-03-03"));
        NamedQueries.assertEachPlans(RetailPipeline.class, lake);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path page = dir.resolve("retail-report.html");
        RetailReportCommand.report(
                conf, 30, page, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("| 2026-03-01 |")
                .contains("Recommendation quality")
                .contains("Wrote ");
        String html = Files.readString(page);
        assertThat(html.split("<svg", -1)).as("four daily charts").hasSize(5);
        assertThat(html)
                .contains("<h3>alice")
                .contains("because they saw")
                .contains("negative price");
    }

    private String json(
            String file,
            int line,
            String id,
            String person,
            String item,
            String category,
            String time,
            boolean purchased,
            String price,
            Integer quantity) {
        remember(file, line, id, person, item, category, time, purchased, price, quantity);
        return "{\"event_id\":\""
                + id
                + "\",\"person_id\":"
                + (person == null ? "null" : "\"" + person + "\"")
                + ",\"item_id\":\""
                + item
                + "\",\"item_category\":\""
                + category
                + "\",\"event_time\":\""
                + time
                + "\",\"purchased\":"
                + purchased
                + (price == null ? "" : ",\"price\":" + price)
                + (quantity == null ? "" : ",\"quantity\":" + quantity)
                + "}";
    }

    private String csv(
            int line,
            String id,
            String person,
            String item,
            String category,
            String time,
            boolean purchased,
            String price,
            Integer quantity) {
        remember("b", line, id, person, item, category, time, purchased, price, quantity);
        return String.join(
                ",",
                id,
                person == null ? "" : person,
                item,
                category,
                time,
                String.valueOf(purchased),
                price == null ? "" : price,
                quantity == null ? "" : String.valueOf(quantity));
    }

    private String duplicate(String id, String person, String item, String time) {
        // Arrives after the first e2, in the same file: silver keeps it, gold does not count it.
        remember("a", 5, id, person, item, "books", time, false, null, null);
        return "{\"event_id\":\""
                + id
                + "\",\"person_id\":\""
                + person
                + "\",\"item_id\":\""
                + item
                + "\",\"item_category\":\"books\",\"event_time\":\""
                + time
                + "\"}";
    }

    private void remember(
            String file,
            int line,
            String id,
            String person,
            String item,
            String category,
            String time,
            boolean purchased,
            String price,
            Integer quantity) {
        valid.add(
                new ReferenceRetail.Event(
                        id,
                        person,
                        item,
                        category,
                        OffsetDateTime.parse(time).toLocalDate(),
                        purchased,
                        price == null ? null : new BigDecimal(price),
                        quantity,
                        String.format("%s-%05d", file, line)));
    }

    private Configuration conf() {
        return Landing.under(dir);
    }

    private static void run(Configuration conf) throws Exception {
        new PipelineRunner(conf, new PrintStream(new ByteArrayOutputStream()))
                .run(new RetailPipeline(conf), PipelineMode.BATCH);
    }
}
