INSERT INTO silver.metrics_rejects
SELECT metric, series, ts, value_text, source, `position`, origin, reject_reason
FROM metrics_read
WHERE reject_reason IS NOT NULL
