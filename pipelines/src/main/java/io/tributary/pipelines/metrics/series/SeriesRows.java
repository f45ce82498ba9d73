package io.tributary.pipelines.metrics.series;

import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaCheck;
import io.tributary.pipelines.metrics.stats.WindowStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;

/**
 * The gold rows of one series for each window end, computed from its samples: the statistics
 * ({@code metrics_window_stats}) and the SLA checks ({@code sla_violations}). Pure functions of the
 * samples, so a backfill and a stream over the same samples write the same rows; {@link LatestRows}
 * has those of the latest end only.
 */
@Internal
public final class SeriesRows {
    public static final TypeInformation<Row> WINDOW_STATS =
            Types.ROW_NAMED(
                    new String[] {
                        "metric",
                        "series",
                        "window_name",
                        "window_end",
                        "samples",
                        "max_value",
                        "min_value",
                        "avg_value",
                        "stddev_value",
                        "p50_value",
                        "p95_value"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.STRING,
                    Types.LOCAL_DATE_TIME,
                    Types.LONG,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE,
                    Types.DOUBLE);

    public static final TypeInformation<Row> SLA_VIOLATIONS =
            Types.ROW_NAMED(
                    new String[] {
                        "sla_id",
                        "metric",
                        "series",
                        "window_name",
                        "window_end",
                        "samples",
                        "violations",
                        "violating_minutes",
                        "episodes",
                        "longest_episode_seconds",
                        "in_range_ratio",
                        "status"
                    },
                    Types.STRING,
                    Types.STRING,
                    Types.STRING,
                    Types.STRING,
                    Types.LOCAL_DATE_TIME,
                    Types.LONG,
                    Types.LONG,
                    Types.LONG,
                    Types.LONG,
                    Types.LONG,
                    Types.DOUBLE,
                    Types.STRING);

    private final MetricWindows windows;

    public SeriesRows(MetricWindows windows) {
        this.windows = windows;
    }

    /**
     * The SLA checks of the ends in [from, to] that lie in the series' range, by (end, window,
     * SLA): every window of every SLA that sets a range for {@code metric}, an empty one as "no
     * data".
     */
    public Map<List<Object>, Row> slaViolations(
            List<Sla> slas,
            String metric,
            String series,
            SeriesSamples samples,
            long from,
            long to) {
        Map<List<Object>, Row> rows = new LinkedHashMap<>();
        List<Sla> applying = new ArrayList<>();
        for (Sla sla : slas) {
            if (sla.metrics().containsKey(metric)) {
                applying.add(sla);
            }
        }
        if (samples.isEmpty() || applying.isEmpty()) {
            return rows;
        }
        long first = Math.max(from, windows.endOf(samples.first()));
        long last = Math.min(to, windows.endOf(samples.last()));
        for (long end = first; end <= last; end += windows.step()) {
            for (int w = 0; w < MetricWindows.LENGTHS.length; w++) {
                long start = end - MetricWindows.LENGTHS[w];
                long[] times = samples.times(start, end);
                double[] values = samples.values(start, end);
                for (int s = 0; s < applying.size(); s++) {
                    Sla sla = applying.get(s);
                    SlaCheck check = SlaCheck.of(times, values, sla.metrics().get(metric));
                    rows.put(
                            List.of(end, w, sla.id()),
                            Row.of(
                                    sla.id(),
                                    metric,
                                    series,
                                    MetricWindows.NAMES.get(w),
                                    MetricWindows.utc(end),
                                    (long) check.samples,
                                    (long) check.violations,
                                    (long) check.violatingMinutes,
                                    (long) check.episodes.size(),
                                    check.longestEpisodeSeconds(),
                                    check.inRangeRatio(),
                                    check.status().toString()));
                }
            }
        }
        return rows;
    }

    /**
     * The window statistics of the ends in [from, to] that lie in the series' own range, by (end,
     * window); a window without samples has no row.
     */
    public Map<EndWindow, Row> windowStats(
            String metric, String series, SeriesSamples samples, long from, long to) {
        Map<EndWindow, Row> rows = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return rows;
        }
        long first = Math.max(from, windows.endOf(samples.first()));
        long last = Math.min(to, windows.endOf(samples.last()));
        for (long end = first; end <= last; end += windows.step()) {
            for (int w = 0; w < MetricWindows.LENGTHS.length; w++) {
                double[] values = samples.values(end - MetricWindows.LENGTHS[w], end);
                WindowStatistics s = WindowStatistics.of(values, 0, values.length);
                if (s != null) {
                    rows.put(
                            new EndWindow(end, w),
                            Row.of(
                                    metric,
                                    series,
                                    MetricWindows.NAMES.get(w),
                                    MetricWindows.utc(end),
                                    (long) s.samples(),
                                    s.max(),
                                    s.min(),
                                    s.avg(),
                                    s.stddev(),
                                    s.p50(),
                                    s.p95()));
                }
            }
        }
        return rows;
    }

    /** A window of one end: the key of a window-statistics row within its series. */
    public static final class EndWindow {
        final long end;

        final int window;

        EndWindow(long end, int window) {
            this.end = end;
            this.window = window;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EndWindow
                    && ((EndWindow) o).end == end
                    && ((EndWindow) o).window == window;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(end) * 31 + window;
        }
    }
}
