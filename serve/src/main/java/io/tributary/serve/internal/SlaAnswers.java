package io.tributary.serve.internal;

import io.tributary.pipelines.metrics.series.LatestRows;
import io.tributary.pipelines.metrics.sla.Sla;
import io.tributary.pipelines.metrics.sla.SlaCheck;
import io.tributary.pipelines.metrics.sla.SlaPrediction;
import io.tributary.pipelines.metrics.sla.SlaRange;
import io.tributary.pipelines.metrics.stats.Forecast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;

/**
 * An SLA's answers, computed from silver's samples with the pipeline's own checks at each series'
 * latest window end: a new or changed SLA answers at once for the past 12 h, and an SLA the
 * pipeline knows answers what {@code gold.sla_violations} and {@code gold.sla_predictions} hold for
 * the same end. A metric without any series answers "no data", never "ok".
 */
@Internal
final class SlaAnswers {
    private SlaAnswers() {}

    static Map<String, Object> violations(Sla sla, String window, long length, LakeSnapshot lake) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        for (Map.Entry<String, SlaRange> e : sla.metrics().entrySet()) {
            List<SeriesWindow> series = lake.seriesOf(e.getKey());
            if (series.isEmpty()) {
                metrics.add(noData(e.getKey()));
            }
            for (SeriesWindow s : series) {
                latest = Math.max(latest, s.end);
                SlaCheck check = SlaCheck.of(s.times(length), s.values(length), e.getValue());
                Map<String, Object> m = head(s);
                m.put("window_end", JsonRows.instant(s.end));
                m.put("samples", check.samples);
                m.put("violations", check.violations);
                m.put("violating_minutes", check.violatingMinutes);
                m.put("in_range_ratio", check.inRangeRatio());
                m.put("longest_episode_seconds", check.longestEpisodeSeconds());
                m.put("episodes", episodes(check));
                m.put("status", check.status().toString());
                metrics.add(m);
            }
        }
        Map<String, Object> answer = which(sla);
        answer.put("window", window);
        answer.put("window_end", latest == Long.MIN_VALUE ? null : JsonRows.instant(latest));
        answer.put("metrics", metrics);
        return answer;
    }

    static Map<String, Object> predictions(Sla sla, LakeSnapshot lake) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        long latest = Long.MIN_VALUE;
        for (Map.Entry<String, SlaRange> e : sla.metrics().entrySet()) {
            List<SeriesWindow> series = lake.seriesOf(e.getKey());
            if (series.isEmpty()) {
                Map<String, Object> m = noData(e.getKey());
                m.remove("samples");
                m.remove("episodes");
                metrics.add(m);
            }
            for (SeriesWindow s : series) {
                latest = Math.max(latest, s.end);
                Optional<Forecast> forecast = s.forecast();
                Map<String, Object> m = head(s);
                m.put("made_at", JsonRows.instant(s.end));
                m.put("horizon_end", JsonRows.instant(s.end + LatestRows.HORIZON.toMillis()));
                if (forecast.isEmpty()) {
                    m.put("predicted_violations", null);
                    m.put("breach_probability", null);
                    m.put("status", SlaCheck.Status.NO_DATA.toString());
                } else {
                    SlaPrediction p = SlaPrediction.of(forecast.get(), e.getValue());
                    m.put("predicted_violations", p.predictedViolations);
                    m.put("breach_probability", JsonRows.finite(p.breachProbability));
                    m.put(
                            "status",
                            (p.predictedViolations > 0
                                            ? SlaCheck.Status.VIOLATED
                                            : SlaCheck.Status.OK)
                                    .toString());
                }
                metrics.add(m);
            }
        }
        Map<String, Object> answer = which(sla);
        answer.put("made_at", latest == Long.MIN_VALUE ? null : JsonRows.instant(latest));
        answer.put("metrics", metrics);
        return answer;
    }

    /** An SLA as the API shows it: id, name, revision and ranges. */
    static Map<String, Object> about(Sla sla) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", sla.id());
        json.put("name", sla.name());
        json.put("revision", sla.revision());
        Map<String, Object> ranges = new LinkedHashMap<>();
        sla.metrics()
                .forEach(
                        (metric, range) -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("min", range.min());
                            r.put("max", range.max());
                            ranges.put(metric, r);
                        });
        json.put("metrics", ranges);
        return json;
    }

    /** Which SLA, at which revision, an answer is for. */
    private static Map<String, Object> which(Sla sla) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sla_id", sla.id());
        json.put("name", sla.name());
        json.put("revision", sla.revision());
        return json;
    }

    private static Map<String, Object> head(SeriesWindow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", s.metric);
        m.put("series", s.series);
        return m;
    }

    private static Map<String, Object> noData(String metric) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric);
        m.put("series", null);
        m.put("samples", 0);
        m.put("episodes", List.of());
        m.put("status", SlaCheck.Status.NO_DATA.toString());
        return m;
    }

    private static List<Map<String, Object>> episodes(SlaCheck check) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SlaCheck.Episode e : check.episodes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", JsonRows.instant(e.start));
            m.put("end", JsonRows.instant(e.end));
            m.put("samples", e.samples);
            m.put("seconds", e.seconds());
            m.put("worst", JsonRows.finite(e.worst));
            list.add(m);
        }
        return list;
    }
}
