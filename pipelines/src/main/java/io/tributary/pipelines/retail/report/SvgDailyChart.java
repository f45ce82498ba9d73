package io.tributary.pipelines.retail.report;

import io.tributary.pipelines.command.report.Html;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.flink.annotation.Internal;

/**
 * One value per day as an inline SVG line chart (the page needs no script and no network): the
 * line, a dot per day, the first and last day under the axis and the lowest and highest value
 * beside it. A day without a value leaves a gap in the line.
 */
@Internal
final class SvgDailyChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 180;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 28;

    private SvgDailyChart() {}

    static String render(String title, List<LocalDate> days, List<Double> values, String unit) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (lo >= 0 && lo < (hi - lo)) {
            lo = 0; // a count or an amount reads best from zero
        }
        double span = hi - lo == 0 ? Math.max(Math.abs(hi), 1) : hi - lo;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure><figcaption>")
                .append(Html.escape(title))
                .append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\">");
        svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#999"));
        svg.append(label(LEFT - 6, TOP + 4, format(hi) + unit, "end"));
        svg.append(label(LEFT - 6, TOP + plotH, format(lo) + unit, "end"));
        if (!days.isEmpty()) {
            svg.append(label(LEFT, HEIGHT - 8, days.get(0).toString(), "start"));
            svg.append(
                    label(LEFT + plotW, HEIGHT - 8, days.get(days.size() - 1).toString(), "end"));
        }
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        int n = Math.max(days.size() - 1, 1);
        for (int d = 0; d < days.size(); d++) {
            Double v = values.get(d);
            if (v == null) {
                pen = false;
                continue;
            }
            double x = LEFT + plotW * d / n;
            double y = TOP + plotH * (1 - (v - lo) / span);
            path.append(pen ? " L" : " M").append(fmt(x)).append(' ').append(fmt(y));
            pen = true;
            svg.append("<circle cx=\"")
                    .append(fmt(x))
                    .append("\" cy=\"")
                    .append(fmt(y))
                    .append("\" r=\"2.5\" fill=\"#1565c0\"><title>")
                    .append(days.get(d))
                    .append(": ")
                    .append(format(v))
                    .append(Html.escape(unit))
                    .append("</title></circle>");
        }
        svg.append("<path d=\"")
                .append(path.toString().trim())
                .append("\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\"/>");
        return svg.append("</svg></figure>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\""
                + fmt(x1)
                + "\" y1=\""
                + fmt(y1)
                + "\" x2=\""
                + fmt(x2)
                + "\" y2=\""
                + fmt(y2)
                + "\" stroke=\""
                + colour
                + "\"/>";
    }

    private static String label(double x, double y, String text, String anchor) {
        return "<text x=\""
                + fmt(x)
                + "\" y=\""
                + fmt(y)
                + "\" font-size=\"11\" text-anchor=\""
                + anchor
                + "\" fill=\"#555\">"
                + Html.escape(text)
                + "</text>";
    }

    private static String format(double v) {
        return Math.abs(v) >= 1000
                ? String.format(Locale.ROOT, "%,.0f", v)
                : Math.abs(v) >= 10
                        ? String.format(Locale.ROOT, "%.1f", v)
                        : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
