-- One row per status class '1xx'..'5xx' (present even without requests) and 'all' (every request).
-- The classes are added as zero-weight rows rather than joined: a join in front of a streaming
-- aggregation's changelog was the one plan the kill-and-resume test found re-emitting rows.
-- The classes fold silver's per-day rows (view.weblogs_daily_classes), and 'all' folds the five
-- class rows: neither aggregates every request again (docs/benchmarks.md, "Session 24" and
-- "Session 25"). The parser admits statuses 100..599 only, so the classes are the five and 'all'
-- is their sum.
INSERT INTO gold.weblogs_bytes_by_status_class
WITH per_class AS (
  SELECT status_class,
         SUM(requests) AS requests,
         SUM(total_bytes) AS total_bytes,
         MAX(max_bytes) AS max_bytes,
         MIN(min_bytes) AS min_bytes
  FROM (
    SELECT status_class, requests, total_bytes, max_bytes, min_bytes FROM weblogs_daily_classes
    UNION ALL
    SELECT status_class, CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
    FROM (VALUES ('1xx'), ('2xx'), ('3xx'), ('4xx'), ('5xx')) AS c(status_class)
  )
  GROUP BY status_class
)
SELECT status_class, requests, total_bytes, max_bytes, min_bytes,
       CAST(total_bytes AS DOUBLE) / NULLIF(requests, 0) AS avg_bytes
FROM (
  SELECT status_class, requests, total_bytes, max_bytes, min_bytes FROM per_class
  UNION ALL
  SELECT 'all', SUM(requests), SUM(total_bytes), MAX(max_bytes), MIN(min_bytes) FROM per_class
)
