-- The SLA check: how each series kept to its SLA over the 12 hours ending at the latest window end
SELECT s.name AS sla, v.metric, v.series, v.samples, v.violations, v.violating_minutes, v.episodes,
       v.longest_episode_seconds, ROUND(v.in_range_ratio, 4) AS in_range_ratio, v.status
FROM gold.sla_violations v
JOIN (SELECT DISTINCT sla_id, name FROM silver.metrics_slas) s ON s.sla_id = v.sla_id
WHERE v.window_name = '12h'
  AND v.window_end = (SELECT MAX(window_end) FROM gold.sla_violations)
ORDER BY sla, v.metric, v.series
