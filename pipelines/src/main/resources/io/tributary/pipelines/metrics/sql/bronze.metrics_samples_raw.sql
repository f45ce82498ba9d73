INSERT INTO bronze.metrics_samples_raw
SELECT metric, series, ts, value_text, source, `position`, origin
FROM metrics_read
