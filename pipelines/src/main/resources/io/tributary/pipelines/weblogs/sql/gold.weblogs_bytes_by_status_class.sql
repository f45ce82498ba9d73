-- One row per status class '1xx'..'5xx' (present even without requests) and 'all' (every request).
-- The classes are added as zero-weight rows rather than joined: a join in front of a streaming
-- aggregation's changelog was the one plan the kill-and-resume test found re-emitting rows.
-- 'all' folds the five class rows rather than every request again: GROUPING SETS would double
-- the rows the aggregation hashes (docs/benchmarks.md, "Session 24"). The parser admits statuses
-- 100..599 only, so the classes are the five and 'all' is their sum.
INSERT INTO gold.weblogs_bytes_by_status_class
WITH per_class AS (
  SELECT status_class,
         COUNT(CASE WHEN counted THEN 1 END) AS requests,
         SUM(b) AS total_bytes,
         MAX(CASE WHEN counted THEN b END) AS max_bytes,
         MIN(CASE WHEN counted THEN b END) AS min_bytes
  FROM (
    SELECT status_class, COALESCE(`bytes`, 0) AS b, TRUE AS counted FROM silver.weblogs_requests
    UNION ALL
    SELECT status_class, CAST(0 AS BIGINT), FALSE
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
