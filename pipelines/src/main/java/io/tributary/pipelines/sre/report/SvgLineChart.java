package io.tributary.pipelines.sre.report;

import io.tributary.pipelines.command.report.Html;
import java.util.Locale;
import org.apache.flink.annotation.Internal;

/**
 * A month-by-month line chart of one SLI against its target, as inline SVG (the page needs no
 * script and no network): the target is a dashed line, each month a dot, green where the SLO was
 * met and red where it was not; months without a value leave a gap.
 */
@Internal
final class SvgLineChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 28;
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private SvgLineChart() {}

    /**
     * @param values twelve monthly values (null: no value)
     * @param met twelve judgements (null: not judged)
     */
    static String render(String title, Double[] values, Boolean[] met, double target, String unit) {
        double lo = target;
        double hi = target;
        for (Double v : values) {
            if (v != null) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = Math.max((hi - lo) * 0.1, Math.abs(hi) * 0.02 + 1e-9);
        lo = lo - pad < 0 && lo >= 0 ? 0 : lo - pad;
        hi += pad;
        StringBuilder svg = new StringBuilder();
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                                + "aria-label=\"%s\">",
                        WIDTH,
                        HEIGHT,
                        WIDTH,
                        HEIGHT,
                        Html.escape(title)));
        for (int t = 0; t <= 4; t++) {
            double v = lo + (hi - lo) * t / 4;
            double y = y(v, lo, hi);
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#666\">%s</text>",
                            LEFT,
                            WIDTH - RIGHT,
                            y,
                            y,
                            LEFT - 6,
                            y + 4,
                            Html.number(v)));
        }
        for (int m = 0; m < 12; m++) {
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
                                    + "fill=\"#666\">%s</text>",
                            x(m),
                            HEIGHT - 8,
                            MONTHS[m]));
        }
        double ty = y(target, lo, hi);
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
                                + "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
                                + "fill=\"#555\">target %s%s</text>",
                        LEFT,
                        WIDTH - RIGHT,
                        ty,
                        ty,
                        WIDTH - RIGHT,
                        ty - 4,
                        Html.number(target),
                        unit));
        StringBuilder path = new StringBuilder();
        for (int m = 0; m < 12; m++) {
            if (values[m] == null) {
                continue;
            }
            boolean start = m == 0 || values[m - 1] == null;
            path.append(
                    String.format(
                            Locale.ROOT,
                            "%s%.1f %.1f ",
                            start ? "M" : "L",
                            x(m),
                            y(values[m], lo, hi)));
        }
        svg.append("<path d=\"")
                .append(path.toString().trim())
                .append("\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>");
        for (int m = 0; m < 12; m++) {
            if (values[m] != null) {
                String color = met[m] == null ? "#999" : met[m] ? "#2e7d32" : "#c62828";
                svg.append(
                        String.format(
                                Locale.ROOT,
                                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s%s"
                                        + "</title></circle>",
                                x(m),
                                y(values[m], lo, hi),
                                color,
                                MONTHS[m],
                                Html.number(values[m]),
                                unit));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int month) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (month + 0.5) / 12;
    }

    private static double y(double value, double lo, double hi) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (hi - value) / (hi - lo);
    }
}
