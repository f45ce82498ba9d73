package io.tributary.pipelines.retail.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.command.report.ReportTable;
import io.tributary.pipelines.command.report.ReportTables;
import io.tributary.pipelines.retail.RetailPipeline;
import io.tributary.pipelines.retail.report.RetailReportPage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary report retail}. */
@Internal
@Command(
        name = RetailPipeline.NAME,
        description =
                "The shop's latest KPIs, top categories and recommendation quality, printed, and an "
                        + "HTML page with daily charts and example recommendations.")
public final class RetailReportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--days",
            defaultValue = "30",
            description =
                    "Days the category ranking covers, up to the latest (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "retail-report.html",
            description = "The HTML page to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        report(common.configuration(), days, out, System.out);
        return 0;
    }

    /** Prints the summary to {@code console} and writes the page to {@code out}. */
    public static void report(Configuration conf, int days, Path out, PrintStream console)
            throws Exception {
        TableEnvironment tEnv = LakeQuery.environment(conf);
        String fill = "run the retail pipeline first: tributary run retail (see docs/retail.md)";
        ReportTables.require(tEnv, "gold", "retail_daily_kpis", fill);
        ReportTable daily =
                ReportTables.query(
                        tEnv, "SELECT * FROM gold.retail_daily_kpis ORDER BY event_date");
        ReportTable categories =
                ReportTables.query(
                        tEnv,
                        "SELECT item_category, SUM(revenue) AS revenue, SUM(purchases) AS purchases,"
                                + " SUM(visits) AS visits, SUM(items_sold) AS items_sold"
                                + " FROM gold.retail_daily_category_kpis"
                                + " WHERE event_date > (SELECT MAX(event_date) FROM gold.retail_daily_kpis)"
                                + " - INTERVAL '"
                                + days
                                + "' DAY GROUP BY item_category ORDER BY revenue DESC, item_category");
        ReportTable quality =
                ReportTables.exists(tEnv, "gold", "retail_recommendation_quality")
                        ? ReportTables.query(
                                tEnv,
                                "SELECT algorithm, k, map_at_k, ndcg_at_k, precision_at_k, recall_at_k,"
                                        + " hit_rate_at_k, coverage, persons_evaluated, holdout_start"
                                        + " FROM gold.retail_recommendation_quality ORDER BY map_at_k DESC")
                        : new ReportTable(List.of("algorithm"), List.of());
        ReportTable examples =
                ReportTables.exists(tEnv, "gold", "retail_recommendations")
                        ? ReportTables.query(
                                tEnv,
                                "(SELECT * FROM gold.retail_recommendations WHERE strategy = 'similarity'"
                                        + " ORDER BY CARDINALITY(items_seen) DESC, person_id LIMIT 3)"
                                        + " UNION ALL (SELECT * FROM gold.retail_recommendations"
                                        + " WHERE strategy = 'popular' AND items_recommended IS NOT NULL"
                                        + " ORDER BY person_id LIMIT 1)")
                        : new ReportTable(List.of("person_id"), List.of());
        ReportTable rejects =
                ReportTables.exists(tEnv, "silver", "retail_rejects")
                        ? ReportTables.query(
                                tEnv,
                                "SELECT reason, COUNT(*) AS `rows` FROM silver.retail_rejects"
                                        + " GROUP BY reason ORDER BY `rows` DESC, reason LIMIT 20")
                        : new ReportTable(List.of("reason", "rows"), List.of());

        console.println("The last 7 days:");
        List<List<Object>> last =
                daily.rows().subList(Math.max(0, daily.rows().size() - 7), daily.rows().size());
        ResultPrinter.print(console, daily.columns(), last, ResultPrinter.Format.TABLE);
        console.println("Top categories over the last " + days + " days:");
        ResultPrinter.print(
                console,
                categories.columns(),
                categories.rows().subList(0, Math.min(5, categories.rows().size())),
                ResultPrinter.Format.TABLE);
        if (!quality.rows().isEmpty()) {
            console.println("Recommendation quality (trained before the holdout, judged on it):");
            ResultPrinter.print(
                    console, quality.columns(), quality.rows(), ResultPrinter.Format.TABLE);
        }
        for (List<Object> row : examples.rows()) {
            console.printf(
                    "  %s saw %s%n    → recommended %s%n",
                    examples.value(row, "person_id"),
                    text(examples.value(row, "items_seen")),
                    withReasons(
                            examples.value(row, "items_recommended"),
                            examples.value(row, "because")));
        }
        Files.writeString(
                out,
                new RetailReportPage(daily, categories, quality, examples, rejects).render(),
                StandardCharsets.UTF_8);
        console.println("Wrote " + out.toAbsolutePath().normalize());
    }

    /**
     * The first recommendations, each with the seen item most similar to it ({@code because} holds
     * one per recommendation): {@code item-16 (like item-12), item-42 (like item-36) and 8 more}.
     */
    static String withReasons(Object recommended, Object because) {
        Object[] items = recommended instanceof Object[] ? (Object[]) recommended : new Object[0];
        Object[] reasons = because instanceof Object[] ? (Object[]) because : new Object[0];
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(5, items.length); i++) {
            Object reason = i < reasons.length ? reasons[i] : null;
            shown.add(items[i] + (reason == null ? "" : " (like " + reason + ")"));
        }
        String text = items.length == 0 ? "nothing" : String.join(", ", shown);
        return items.length <= 5 ? text : text + " and " + (items.length - 5) + " more";
    }

    private static String text(Object value) {
        if (!(value instanceof Object[])) {
            return String.valueOf(value);
        }
        List<Object> shown = new ArrayList<>(Arrays.asList((Object[]) value));
        return shown.size() <= 5
                ? shown.toString()
                : shown.subList(0, 5) + " and " + (shown.size() - 5) + " more";
    }
}
