package io.tributary.pipelines.testutils;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A series' samples for metrics tests: written as Prometheus would answer them, and summarised by a
 * plain computation of the lake's definitions (ARCHITECTURE.md, infrastructure metrics), the
 * reference the pipeline's window statistics are compared with.
 */
public final class MetricSamples {
    private static final long[] WINDOWS = {3_600_000L, 3 * 3_600_000L, 12 * 3_600_000L};
    private static final String[] WINDOW_NAMES = {"1h", "3h", "12h"};
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final TreeMap<Long, Double> samples = new TreeMap<>();

    public MetricSamples add(long millis, double value) {
        samples.put(millis, value);
        return this;
    }

    public int size() {
        return samples.size();
    }

    /** The samples at or after {@code millis}. */
    public MetricSamples from(long millis) {
        MetricSamples part = new MetricSamples();
        part.samples.putAll(samples.tailMap(millis, true));
        return part;
    }

    /** The samples before {@code millis}. */
    public MetricSamples until(long millis) {
        MetricSamples part = new MetricSamples();
        part.samples.putAll(samples.headMap(millis, false));
        return part;
    }

    /**
     * A query_range answer holding these series (keyed by their label text), plus a NaN at each of
     * {@code nans}' times.
     */
    public static String queryRange(
            Map<String, MetricSamples> series, Map<String, List<Long>> nans) {
        StringBuilder json =
                new StringBuilder(
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        boolean firstSeries = true;
        for (Map.Entry<String, MetricSamples> s : new TreeMap<>(series).entrySet()) {
            json.append(firstSeries ? "" : ",").append("{\"metric\":{\"__name__\":\"m\"");
            Matcher label = LABEL.matcher(s.getKey());
            while (label.find()) {
                json.append(",\"")
                        .append(label.group(1))
                        .append("\":\"")
                        .append(label.group(2))
                        .append('"');
            }
            json.append("},\"values\":[");
            TreeMap<Long, String> values = new TreeMap<>();
            s.getValue().samples.forEach((t, v) -> values.put(t, Double.toString(v)));
            nans.getOrDefault(s.getKey(), List.of()).forEach(t -> values.put(t, "NaN"));
            json.append(
                    values.entrySet().stream()
                            .map(e -> "[" + seconds(e.getKey()) + ",\"" + e.getValue() + "\"]")
                            .collect(Collectors.joining(",")));
            json.append("]}");
            firstSeries = false;
        }
        return json.append("]}}").toString();
    }

    /**
     * The gold.metrics_window_stats rows of this series as {@link Lake#rowsRounded} writes them:
     * every step end from the first at or after the first sample to the first at or after the last,
     * each non-empty window (end − length, end].
     */
    public List<String> windowStatsRows(String metric, String series, long step) {
        return eachWindow(
                step,
                (w, end, window) -> {
                    double[] x =
                            window.values().stream().mapToDouble(Double::doubleValue).toArray();
                    if (x.length == 0) {
                        return null;
                    }
                    double mean = Arrays.stream(x).sum() / x.length;
                    double squares = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
                    double[] sorted = x.clone();
                    Arrays.sort(sorted);
                    return String.join(
                            " | ",
                            metric,
                            series,
                            WINDOW_NAMES[w],
                            utc(end),
                            String.valueOf((long) x.length),
                            Lake.format(sorted[sorted.length - 1]),
                            Lake.format(sorted[0]),
                            Lake.format(mean),
                            Lake.format(Math.sqrt(squares / x.length)),
                            Lake.format(quantile(sorted, 0.5)),
                            Lake.format(quantile(sorted, 0.95)));
                });
    }

    /**
     * The gold.sla_violations rows of this series for an SLA of [min, max] (null: open), as {@link
     * Lake#rowsRounded} writes them: every step end of the series' range and window, an empty one
     * as "no data".
     */
    public List<String> slaRows(
            String slaId, String metric, String series, long step, Double min, Double max) {
        return eachWindow(
                step,
                (w, end, window) -> {
                    int violations = 0;
                    java.util.Set<Long> minutes = new java.util.HashSet<>();
                    int episodes = 0;
                    Long longest = null;
                    Long runStart = null;
                    for (Map.Entry<Long, Double> e : window.entrySet()) {
                        double v = e.getValue();
                        if ((min != null && v < min) || (max != null && v > max)) {
                            violations++;
                            minutes.add(e.getKey() / 60_000);
                            if (runStart == null) {
                                runStart = e.getKey();
                                episodes++;
                            }
                            long seconds = (e.getKey() - runStart) / 1000;
                            longest = longest == null ? seconds : Math.max(longest, seconds);
                        } else {
                            runStart = null;
                        }
                    }
                    int n = window.size();
                    return String.join(
                            " | ",
                            slaId,
                            metric,
                            series,
                            WINDOW_NAMES[w],
                            utc(end),
                            String.valueOf((long) n),
                            String.valueOf((long) violations),
                            String.valueOf((long) minutes.size()),
                            String.valueOf((long) episodes),
                            String.valueOf(longest),
                            n == 0 ? "null" : Lake.format(1 - (double) violations / n),
                            n == 0 ? "no data" : violations > 0 ? "violated" : "ok");
                });
    }

    /** The rows of both lists, in order. */
    public static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** What a row is made of: a window of the series, its end and its samples. */
    private interface WindowRow {
        String row(int window, long end, Map<Long, Double> samples);
    }

    /**
     * One row per window and step end from the first end at or after the first sample to the first
     * at or after the last (null: no row).
     */
    private List<String> eachWindow(long step, WindowRow row) {
        List<String> rows = new ArrayList<>();
        long first = ceil(samples.firstKey(), step);
        long last = ceil(samples.lastKey(), step);
        for (long end = first; end <= last; end += step) {
            for (int w = 0; w < WINDOWS.length; w++) {
                String r = row.row(w, end, samples.subMap(end - WINDOWS[w], false, end, true));
                if (r != null) {
                    rows.add(r);
                }
            }
        }
        return rows;
    }

    private static String utc(long end) {
        return String.valueOf(LocalDateTime.ofInstant(Instant.ofEpochMilli(end), ZoneOffset.UTC));
    }

    private static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }

    private static long ceil(long millis, long step) {
        return Math.floorDiv(millis + step - 1, step) * step;
    }

    private static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
