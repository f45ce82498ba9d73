-- metrics_series_window_stats: computed per series from silver (metrics/series/SeriesOperator).
INSERT INTO gold.metrics_window_stats
SELECT metric, series, window_name, window_end, samples, max_value, min_value, avg_value,
       stddev_value, p50_value, p95_value
FROM metrics_series_window_stats
