-- metrics_series_sla_violations: each series checked against the SLAs (metrics/series/SeriesOperator).
INSERT INTO gold.sla_violations
SELECT sla_id, metric, series, window_name, window_end, samples, violations, violating_minutes,
       episodes, longest_episode_seconds, in_range_ratio, status
FROM metrics_series_sla_violations
