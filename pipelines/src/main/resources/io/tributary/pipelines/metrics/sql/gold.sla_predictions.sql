-- metrics_series_sla_predictions: computed per series from silver (metrics/series/LatestRows).
INSERT INTO gold.sla_predictions
SELECT sla_id, metric, series, made_at, predicted_violations, breach_probability
FROM metrics_series_sla_predictions
