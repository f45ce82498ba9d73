package io.tributary.pipelines.retail.report;

import io.tributary.pipelines.command.report.Html;
import io.tributary.pipelines.command.report.ReportTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * The retail report as one self-contained HTML page: daily KPI charts, the top categories, the
 * recommenders' measured quality, a few persons with what they saw and what they are recommended
 * and why, and the rows the pipeline rejected.
 */
@Internal
public final class RetailReportPage {
    private final ReportTable daily;
    private final ReportTable categories;
    private final ReportTable quality;
    private final ReportTable examples;
    private final ReportTable rejects;

    /**
     * @param daily gold.retail_daily_kpis by date
     * @param categories the categories' KPIs summed over the report's last days, by revenue
     * @param quality gold.retail_recommendation_quality, best first
     * @param examples a few rows of gold.retail_recommendations
     * @param rejects silver.retail_rejects counted by reason
     */
    public RetailReportPage(
            ReportTable daily,
            ReportTable categories,
            ReportTable quality,
            ReportTable examples,
            ReportTable rejects) {
        this.daily = daily;
        this.categories = categories;
        this.quality = quality;
        this.examples = examples;
        this.rejects = rejects;
    }

    public String render() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Retail report</title><style>")
                .append(
                        "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}")
                .append(
                        "table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{padding:.25rem .6rem;")
                .append(
                        "border-bottom:1px solid #ddd;text-align:left;vertical-align:top}td.n{text-align:right}")
                .append("figure{margin:0 0 1rem}figcaption{font-weight:600;margin-bottom:.2rem}")
                .append("section{margin-bottom:2rem}.because{color:#666;font-size:.9em}")
                .append("</style></head><body><h1>Retail report</h1>");
        html.append("<section><h2>Every day</h2>");
        List<LocalDate> days = new ArrayList<>();
        daily.rows().forEach(r -> days.add((LocalDate) daily.value(r, "event_date")));
        html.append(chart("Revenue", "revenue", days, ""));
        html.append(chart("Visits", "visits", days, ""));
        html.append(chart("Buyers ÷ identified persons (conversion)", "conversion_rate", days, ""));
        html.append(
                chart("Revenue ÷ purchases (average order value)", "avg_order_value", days, ""));
        html.append("</section>");
        html.append("<section><h2>Top categories</h2>")
                .append(table(categories))
                .append("</section>");
        html.append("<section><h2>How good the recommendations are</h2>")
                .append(
                        "<p>Each recommender is trained on the events before the holdout and judged on ")
                .append(
                        "what persons bought in it that they had not seen before (Spark's RankingMetrics).</p>")
                .append(table(quality))
                .append("</section>");
        html.append("<section><h2>Some persons and their recommendations</h2>");
        for (List<Object> row : examples.rows()) {
            html.append(example(row));
        }
        html.append("</section>");
        html.append("<section><h2>Rejected rows</h2>")
                .append(rejects.rows().isEmpty() ? "<p>None.</p>" : table(rejects))
                .append("</section></body></html>");
        return html.toString();
    }

    private String chart(String title, String column, List<LocalDate> days, String unit) {
        List<Double> values = new ArrayList<>();
        for (List<Object> r : daily.rows()) {
            Object v = daily.value(r, column);
            values.add(v == null ? null : ((Number) v).doubleValue());
        }
        return SvgDailyChart.render(title, days, values, unit);
    }

    private String example(List<Object> row) {
        StringBuilder html =
                new StringBuilder("<h3>")
                        .append(Html.escape(examples.value(row, "person_id")))
                        .append(" <small>(")
                        .append(Html.escape(examples.value(row, "strategy")))
                        .append(")</small></h3><p>Saw: ")
                        .append(
                                Html.escape(
                                        String.join(
                                                ", ", strings(examples.value(row, "items_seen")))))
                        .append(
                                "</p><table><tr><th>#</th><th>recommended</th><th>score</th><th>because they saw</th></tr>");
        List<String> items = strings(examples.value(row, "items_recommended"));
        Object[] scores = array(examples.value(row, "scores"));
        List<String> because = strings(examples.value(row, "because"));
        for (int i = 0; i < items.size(); i++) {
            html.append("<tr><td class=\"n\">")
                    .append(i + 1)
                    .append("</td><td>")
                    .append(Html.escape(items.get(i)))
                    .append("</td><td class=\"n\">")
                    .append(Html.number(i < scores.length ? scores[i] : null))
                    .append("</td><td class=\"because\">")
                    .append(
                            Html.escape(
                                    i < because.size() && because.get(i) != null
                                            ? because.get(i)
                                            : "–"))
                    .append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static Object[] array(Object value) {
        return value instanceof Object[] ? (Object[]) value : new Object[0];
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object o : array(value)) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    private static String table(ReportTable t) {
        StringBuilder html = new StringBuilder("<table><tr>");
        t.columns().forEach(c -> html.append("<th>").append(Html.escape(c)).append("</th>"));
        html.append("</tr>");
        for (List<Object> row : t.rows()) {
            html.append("<tr>");
            for (Object v : row) {
                html.append(v instanceof Number ? "<td class=\"n\">" : "<td>")
                        .append(Html.number(v))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }
}
