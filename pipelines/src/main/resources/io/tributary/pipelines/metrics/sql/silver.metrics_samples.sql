INSERT INTO silver.metrics_samples
SELECT metric, series, ts, CAST(value_text AS DOUBLE), CAST(ts AS DATE), source, `position`, origin
FROM metrics_read
WHERE reject_reason IS NULL
