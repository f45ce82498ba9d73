package io.tributary.serve.internal;

import io.tributary.pipelines.command.report.Html;
import io.tributary.pipelines.metrics.series.LatestRows;
import io.tributary.pipelines.metrics.series.MetricWindows;
import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaCheck;
import io.tributary.pipelines.metrics.sla.SlaRange;
import io.tributary.pipelines.metrics.stats.Forecast;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;

/**
 * The page at {@code /}: per SLA, each metric series' last 12 h against its allowed band, the
 * violating episodes marked, and the next 10 minutes' forecast with its 95 % interval. One HTML
 * document with inline SVG, no scripts and no external assets, so it opens behind any firewall.
 */
@Internal
final class StatusPage {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 150;
    private static final int PAD = 4;
    private static final double Z95 = 1.959963984540054;

    private StatusPage() {}

    static String render(LakeSnapshot lake) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Tributary SLAs</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("h2{margin-top:2em}table{border-collapse:collapse}")
                .append("td,th{padding:2px 10px;text-align:left}")
                .append(".ok{color:#1a7f37}.violated{color:#cf222e}.nodata{color:#888}")
                .append("svg{background:#fafafa;border:1px solid #ddd}")
                .append("</style></head><body><h1>SLAs</h1>")
                .append("<p>Lake read at ")
                .append(Html.escape(lake.readAt.toString()))
                .append(". Each chart: the last 12 h (line), the allowed band (green), violating")
                .append(" episodes (red), the next 10 minutes' forecast (dashed) and its 95 %")
                .append(" interval (blue).</p>");
        if (lake.slas.value.isEmpty()) {
            html.append("<p>No SLAs yet: <code>POST /slas</code> creates one")
                    .append(" (see <a href=\"/openapi.yaml\">the API</a>).</p>");
        }
        for (Sla sla : lake.slas.value) {
            html.append("<h2>")
                    .append(Html.escape(sla.name()))
                    .append(" <small>(")
                    .append(Html.escape(sla.id()))
                    .append(", revision ")
                    .append(sla.revision())
                    .append(")</small></h2>");
            for (Map.Entry<String, SlaRange> e : sla.metrics().entrySet()) {
                List<SeriesWindow> series = lake.seriesOf(e.getKey());
                if (series.isEmpty()) {
                    html.append("<h3>")
                            .append(Html.escape(e.getKey()))
                            .append("</h3><p class=\"nodata\">no data: no series of this metric")
                            .append(" in the lake</p>");
                }
                for (SeriesWindow s : series) {
                    chart(html, s, e.getValue());
                }
            }
        }
        return html.append("</body></html>").toString();
    }

    private static void chart(StringBuilder html, SeriesWindow s, SlaRange range) {
        long[] times = s.times(MetricWindows.LONGEST);
        double[] values = s.values(MetricWindows.LONGEST);
        SlaCheck check = SlaCheck.of(times, values, range);
        String status = check.status().toString();
        html.append("<h3>")
                .append(Html.escape(s.metric))
                .append(" <code>")
                .append(Html.escape(s.series))
                .append("</code> <span class=\"")
                .append(status.replace(" ", ""))
                .append("\">")
                .append(Html.escape(status))
                .append("</span></h3><p>")
                .append(check.samples)
                .append(" samples, ")
                .append(check.violations)
                .append(" outside the range ")
                .append(Html.escape(range.toString()))
                .append(", ")
                .append(check.episodes.size())
                .append(" episodes; window end ")
                .append(JsonRows.instant(s.end))
                .append("</p>");
        if (times.length == 0) {
            return;
        }
        Optional<Forecast> forecast = s.forecast();
        long from = s.end - MetricWindows.LONGEST;
        long to = s.end + LatestRows.HORIZON.toMillis();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        long last = times[times.length - 1];
        double[][] band = forecast.map(f -> interval(f, last)).orElse(new double[0][]);
        for (double[] b : band) {
            lo = Math.min(lo, b[1]);
            hi = Math.max(hi, b[2]);
        }
        if (range.min() != null) {
            lo = Math.min(lo, range.min());
            hi = Math.max(hi, range.min());
        }
        if (range.max() != null) {
            lo = Math.min(lo, range.max());
            hi = Math.max(hi, range.max());
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        Scale x = new Scale(from, to, PAD, WIDTH - PAD);
        Scale y = new Scale(lo, hi, HEIGHT - PAD, PAD);
        html.append("<svg width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(s.metric))
                .append("\">");
        double top = range.max() == null ? PAD : y.at(range.max());
        double bottom = range.min() == null ? HEIGHT - PAD : y.at(range.min());
        rect(html, PAD, top, WIDTH - 2 * PAD, bottom - top, "#1a7f37", 0.12, "band");
        for (SlaCheck.Episode e : check.episodes) {
            double left = x.at(e.start);
            rect(
                    html,
                    left,
                    PAD,
                    Math.max(2, x.at(e.end) - left),
                    HEIGHT - 2 * PAD,
                    "#cf222e",
                    0.25,
                    "episode");
        }
        html.append(
                "<polyline class=\"samples\" fill=\"none\" stroke=\"#333\" stroke-width=\"1\" points=\"");
        for (int i = 0; i < times.length; i++) {
            point(html, x.at(times[i]), y.at(values[i]));
        }
        html.append("\"/>");
        if (band.length > 0) {
            html.append(
                    "<polygon class=\"interval\" fill=\"#0969da\" fill-opacity=\"0.2\" points=\"");
            for (double[] b : band) {
                point(html, x.at((long) b[0]), y.at(b[2]));
            }
            for (int i = band.length - 1; i >= 0; i--) {
                point(html, x.at((long) band[i][0]), y.at(band[i][1]));
            }
            html.append("\"/><polyline class=\"forecast\" fill=\"none\" stroke=\"#0969da\"")
                    .append(" stroke-dasharray=\"4 3\" points=\"");
            point(html, x.at(times[times.length - 1]), y.at(values[values.length - 1]));
            for (double[] b : band) {
                point(html, x.at((long) b[0]), y.at(b[3]));
            }
            html.append("\"/>");
        }
        html.append("</svg>");
    }

    /**
     * Per forecast step: its time (the horizon's steps spread evenly after the last sample), the 95
     * % interval's ends and the point forecast.
     */
    private static double[][] interval(Forecast f, long last) {
        double[][] steps = new double[f.horizon][];
        double spacing = (double) LatestRows.HORIZON.toMillis() / f.horizon;
        for (int h = 1; h <= f.horizon; h++) {
            double point = f.model.forecast(h);
            double half = Z95 * Math.sqrt(f.model.forecastVariance(h));
            steps[h - 1] = new double[] {last + h * spacing, point - half, point + half, point};
        }
        return steps;
    }

    private static void rect(
            StringBuilder html,
            double x,
            double y,
            double w,
            double h,
            String colour,
            double opacity,
            String cssClass) {
        html.append(
                String.format(
                        Locale.ROOT,
                        "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                                + " fill=\"%s\" fill-opacity=\"%.2f\"/>",
                        cssClass,
                        x,
                        y,
                        w,
                        Math.max(0, h),
                        colour,
                        opacity));
    }

    private static void point(StringBuilder html, double x, double y) {
        html.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    /** A linear map from data to pixels. */
    private static final class Scale {
        final double from;
        final double to;
        final double pixelFrom;
        final double pixelTo;

        Scale(double from, double to, double pixelFrom, double pixelTo) {
            this.from = from;
            this.to = to;
            this.pixelFrom = pixelFrom;
            this.pixelTo = pixelTo;
        }

        double at(double value) {
            return pixelFrom + (value - from) / (to - from) * (pixelTo - pixelFrom);
        }
    }
}
