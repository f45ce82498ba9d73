package io.tributary.pipelines.sre.report;

import io.tributary.pipelines.command.report.Html;
import io.tributary.pipelines.command.report.ReportTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * The SRE report as one self-contained HTML page: the year's SLOs (met or not, error budget), a
 * chart per SLO of its monthly value against the target, the top contributors and the
 * recommendations of every missed SLO, and the rows the pipeline rejected.
 */
@Internal
public final class SreReportPage {
    private final String year;
    private final ReportTable yearly;
    private final ReportTable monthly;
    private final ReportTable contributors;
    private final ReportTable recommendations;
    private final ReportTable rejects;

    /**
     * @param yearly gold.sre_slo_report rows of the year, every service
     * @param monthly gold.sre_slo_report rows of the year's months, service 'all'
     * @param contributors gold.sre_top_contributors rows of the year, service 'all'
     * @param recommendations gold.sre_recommendations rows of the year and its months
     * @param rejects silver.sre_rejects counted by table and reason
     */
    public SreReportPage(
            String year,
            ReportTable yearly,
            ReportTable monthly,
            ReportTable contributors,
            ReportTable recommendations,
            ReportTable rejects) {
        this.year = year;
        this.yearly = yearly;
        this.monthly = monthly;
        this.contributors = contributors;
        this.recommendations = recommendations;
        this.rejects = rejects;
    }

    public String render() {
        StringBuilder html = new StringBuilder();
        html.append(
                        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SRE report ")
                .append(Html.escape(year))
                .append("</title><style>")
                .append(
                        "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}")
                .append(
                        "table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{padding:.25rem .6rem;")
                .append("border-bottom:1px solid #ddd;text-align:left}td.n{text-align:right}")
                .append(".met{color:#2e7d32;font-weight:600}.missed{color:#c62828;font-weight:600}")
                .append(
                        "section{margin-bottom:2rem}.rec{background:#fff8e1;padding:.5rem .8rem;margin:.4rem 0}")
                .append("</style></head><body>");
        html.append("<h1>SRE report ").append(Html.escape(year)).append("</h1>");
        html.append(
                        "<p>From the lake's gold tables (gold.sre_slo_report, gold.sre_top_contributors, ")
                .append(
                        "gold.sre_recommendations). Periods are calendar months and years in UTC.</p>");
        html.append("<section><h2>SLOs of ").append(Html.escape(year)).append("</h2>");
        table(
                html,
                yearly,
                List.of(
                        "service",
                        "slo",
                        "sli",
                        "value",
                        "target",
                        "comparator",
                        "met",
                        "error_budget_remaining",
                        "burn_rate"));
        html.append("</section>");
        charts(html);
        html.append("<section><h2>Top contributors of missed SLOs (")
                .append(Html.escape(year))
                .append(", all services)</h2>");
        table(
                html,
                contributors,
                List.of(
                        "slo",
                        "contributor_kind",
                        "rank",
                        "contributor",
                        "contributed",
                        "contributed_what",
                        "share_pct",
                        "detail",
                        "detail_what"));
        html.append("</section><section><h2>Recommendations</h2>");
        for (List<Object> row : recommendations.rows()) {
            html.append("<div class=\"rec\"><b>")
                    .append(Html.escape(recommendations.value(row, "period")))
                    .append(" · ")
                    .append(Html.escape(recommendations.value(row, "service")))
                    .append(" · ")
                    .append(Html.escape(recommendations.value(row, "slo")))
                    .append("</b>: ")
                    .append(Html.escape(recommendations.value(row, "recommendation")))
                    .append("</div>");
        }
        if (recommendations.rows().isEmpty()) {
            html.append("<p>Every SLO was met.</p>");
        }
        long rejected =
                rejects.rows().stream()
                        .mapToLong(r -> ((Number) rejects.value(r, "rows")).longValue())
                        .sum();
        html.append("</section><section><h2>Rejected rows: ")
                .append(rejected)
                .append("</h2>")
                .append(
                        "<p>Rows that failed the pipeline's checks count in no SLI; they are in silver.sre_rejects ")
                .append("with the row and the reason.</p>");
        table(html, rejects, rejects.columns());
        return html.append("</section></body></html>\n").toString();
    }

    private void charts(StringBuilder html) {
        Map<String, Double[]> values = new LinkedHashMap<>();
        Map<String, Boolean[]> met = new LinkedHashMap<>();
        Map<String, Object[]> targets = new LinkedHashMap<>();
        for (List<Object> row : monthly.rows()) {
            String slo = (String) monthly.value(row, "slo");
            int month = Integer.parseInt(((String) monthly.value(row, "period")).substring(5)) - 1;
            values.computeIfAbsent(slo, s -> new Double[12])[month] =
                    (Double) monthly.value(row, "value");
            met.computeIfAbsent(slo, s -> new Boolean[12])[month] =
                    (Boolean) monthly.value(row, "met");
            targets.putIfAbsent(
                    slo,
                    new Object[] {
                        monthly.value(row, "target"),
                        monthly.value(row, "sli"),
                        monthly.value(row, "comparator")
                    });
        }
        html.append("<section><h2>Month by month (all services)</h2>");
        for (Map.Entry<String, Double[]> slo : values.entrySet()) {
            Object[] t = targets.get(slo.getKey());
            String sli = (String) t[1];
            html.append("<h3>")
                    .append(Html.escape(slo.getKey()))
                    .append(": ")
                    .append(Html.escape(sli))
                    .append(' ')
                    .append(Html.escape(t[2]))
                    .append(' ')
                    .append(Html.number(t[0]))
                    .append("</h3>")
                    .append(
                            SvgLineChart.render(
                                    slo.getKey(),
                                    slo.getValue(),
                                    met.get(slo.getKey()),
                                    (Double) t[0],
                                    unit(sli)));
        }
        html.append("</section>");
    }

    private static String unit(String sli) {
        switch (sli) {
            case "availability_pct":
                return " %";
            case "deploy_interval_hours":
                return " h";
            case "response_days":
                return " d";
            default:
                return "";
        }
    }

    private static void table(StringBuilder html, ReportTable table, List<String> columns) {
        html.append("<table><tr>");
        columns.forEach(c -> html.append("<th>").append(Html.escape(c)).append("</th>"));
        html.append("</tr>");
        for (List<Object> row : table.rows()) {
            html.append("<tr>");
            for (String column : columns) {
                Object v = table.value(row, column);
                if (v instanceof Boolean) {
                    html.append(
                            (Boolean) v
                                    ? "<td class=\"met\">met</td>"
                                    : "<td class=\"missed\">missed</td>");
                } else if (v instanceof Number || v == null) {
                    html.append("<td class=\"n\">").append(Html.number(v)).append("</td>");
                } else {
                    html.append("<td>").append(Html.escape(v)).append("</td>");
                }
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }
}
