-- metrics_series_metrics_forecast: computed per series from silver (metrics/series/LatestRows).
INSERT INTO gold.metrics_forecast
SELECT metric, series, made_at, `method`, horizon_end, predicted_avg, predicted_min,
       predicted_max, avg_lower_80, avg_upper_80, avg_lower_95, avg_upper_95
FROM metrics_series_metrics_forecast
