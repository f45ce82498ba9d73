-- The last hour of every metric series, as PromQL's *_over_time would answer at the latest window end
SELECT metric, series, samples, ROUND(min_value, 2) AS min_value, ROUND(avg_value, 2) AS avg_value,
       ROUND(p95_value, 2) AS p95_value, ROUND(max_value, 2) AS max_value
FROM gold.metrics_window_stats
WHERE window_name = '1h'
  AND window_end = (SELECT MAX(window_end) FROM gold.metrics_window_stats)
ORDER BY metric, series
