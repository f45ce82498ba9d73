-- metrics_series_metrics_forecast_accuracy: computed per series from silver (metrics/series/LatestRows).
INSERT INTO gold.metrics_forecast_accuracy
SELECT metric, series, made_at, `method`, origins, horizon_steps, mae, naive_mae, mase
FROM metrics_series_metrics_forecast_accuracy
