package io.tributary.pipelines.sre.command;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.LakeQuery;
import io.tributary.pipelines.command.Logging;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.command.report.ReportTable;
import io.tributary.pipelines.command.report.ReportTables;
import io.tributary.pipelines.runtime.ConfigurationError;
import io.tributary.pipelines.sre.SrePipeline;
import io.tributary.pipelines.sre.report.SreReportPage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tributary report sre}. */
@Internal
@Command(
        name = SrePipeline.NAME,
        description =
                "Which SLOs were met, printed, and an HTML page with a chart per "
                        + "SLO, the top contributors and the recommendations.")
public final class SreReportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(
            names = "--year",
            paramLabel = "YYYY",
            description = "The year (default: the latest year in gold.sre_slo_report).")
    String year;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "sre-report.html",
            description = "The HTML page to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Logging.configure(common.verbose);
        report(common.configuration(), year, out, System.out);
        return 0;
    }

    /** Prints the year's SLOs to {@code console} and writes the HTML page to {@code out}. */
    static void report(Configuration conf, String year, Path out, PrintStream console)
            throws Exception {
        TableEnvironment tEnv = LakeQuery.environment(conf);
        requireTable(tEnv, "gold", "sre_slo_report");
        String y = year != null ? year : latestYear(tEnv);
        if (!y.matches("\\d{4}")) {
            throw new ConfigurationError(
                    "--year " + y + " is not a year", "give four digits, e.g. --year 2025");
        }
        String months = "`period` LIKE '" + y + "-%'";
        ReportTable yearly =
                table(
                        tEnv,
                        "SELECT service, slo, sli, `value`, target, comparator, met, "
                                + "error_budget_remaining, burn_rate FROM gold.sre_slo_report WHERE `period` = '"
                                + y
                                + "' "
                                + "ORDER BY CASE WHEN service = 'all' THEN 0 ELSE 1 END, service, slo");
        if (yearly.rows().isEmpty()) {
            throw new ConfigurationError(
                    "gold.sre_slo_report has no rows for " + y,
                    "run 'tributary run sre' over data of that year, or pick another --year");
        }
        ReportTable monthly =
                table(
                        tEnv,
                        "SELECT `period`, slo, sli, `value`, target, comparator, met "
                                + "FROM gold.sre_slo_report WHERE service = 'all' AND "
                                + months
                                + " ORDER BY slo, `period`");
        ReportTable contributors =
                table(
                        tEnv,
                        "SELECT slo, contributor_kind, `rank`, contributor, contributed, "
                                + "contributed_what, share_pct, detail, detail_what FROM gold.sre_top_contributors "
                                + "WHERE `period` = '"
                                + y
                                + "' AND service = 'all' ORDER BY slo, contributor_kind, `rank`");
        ReportTable recommendations =
                table(
                        tEnv,
                        "SELECT `period`, service, slo, recommendation "
                                + "FROM gold.sre_recommendations WHERE `period` = '"
                                + y
                                + "' OR ("
                                + months
                                + " AND service = 'all') "
                                + "ORDER BY CHAR_LENGTH(`period`), `period`, CASE WHEN service = 'all' THEN 0 ELSE 1 END, service, slo");
        ReportTable rejects =
                exists(tEnv, "silver", "sre_rejects")
                        ? table(
                                tEnv,
                                "SELECT source_table, reason, COUNT(*) AS `rows` FROM silver.sre_rejects "
                                        + "GROUP BY source_table, reason ORDER BY source_table, `rows` DESC, reason")
                        : new ReportTable(List.of("source_table", "reason", "rows"), List.of());

        console.println("SLOs of " + y + ", all services:");
        List<List<Object>> all = new ArrayList<>();
        for (List<Object> row : yearly.rows()) {
            if ("all".equals(yearly.value(row, "service"))) {
                all.add(
                        List.of(
                                yearly.value(row, "slo"),
                                yearly.value(row, "sli"),
                                value(yearly.value(row, "value")),
                                yearly.value(row, "comparator") + " " + yearly.value(row, "target"),
                                Boolean.TRUE.equals(yearly.value(row, "met")) ? "met" : "MISSED"));
            }
        }
        ResultPrinter.print(
                console,
                List.of("slo", "sli", "value", "target", "result"),
                all,
                ResultPrinter.Format.TABLE);
        long missed =
                yearly.rows().stream()
                        .filter(r -> !Boolean.TRUE.equals(yearly.value(r, "met")))
                        .count();
        long rejected =
                rejects.rows().stream()
                        .mapToLong(r -> ((Number) rejects.value(r, "rows")).longValue())
                        .sum();
        console.printf(
                "%d of %d yearly SLO judgements (all services and each service) missed; %,d source rows "
                        + "rejected (silver.sre_rejects).%n",
                missed, yearly.rows().size(), rejected);
        for (List<Object> row : recommendations.rows()) {
            if (y.equals(recommendations.value(row, "period"))
                    && "all".equals(recommendations.value(row, "service"))) {
                console.println(
                        "  "
                                + recommendations.value(row, "slo")
                                + ": "
                                + recommendations.value(row, "recommendation"));
            }
        }
        Files.writeString(
                out,
                new SreReportPage(y, yearly, monthly, contributors, recommendations, rejects)
                        .render(),
                StandardCharsets.UTF_8);
        console.println("Wrote " + out.toAbsolutePath().normalize());
    }

    private static Object value(Object v) {
        return v instanceof Double ? Math.round((Double) v * 100) / 100.0 : v;
    }

    private static String latestYear(TableEnvironment tEnv) throws Exception {
        LakeQuery q =
                LakeQuery.run(
                        tEnv,
                        "SELECT MAX(`period`) FROM gold.sre_slo_report WHERE CHAR_LENGTH(`period`) = 4");
        Object latest = q.value();
        if (latest == null) {
            throw new ConfigurationError(
                    "gold.sre_slo_report is empty", "run 'tributary run sre' first");
        }
        return (String) latest;
    }

    private static void requireTable(TableEnvironment tEnv, String layer, String name) {
        ReportTables.require(
                tEnv,
                layer,
                name,
                "run the SRE pipeline first: tributary run sre (see docs/sre.md), or tributary demo");
    }

    private static boolean exists(TableEnvironment tEnv, String layer, String name) {
        return ReportTables.exists(tEnv, layer, name);
    }

    private static ReportTable table(TableEnvironment tEnv, String sql) throws Exception {
        return ReportTables.query(tEnv, sql);
    }
}
