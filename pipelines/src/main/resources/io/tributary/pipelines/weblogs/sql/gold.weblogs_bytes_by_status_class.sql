-- One row per status class '1xx'..'5xx' (present even without requests) and 'all' (every request).
-- The classes are added as zero-weight rows rather than joined: a join in front of a streaming
-- aggregation's changelog was the one plan the kill-and-resume test found re-emitting rows.
INSERT INTO gold.weblogs_bytes_by_status_class
SELECT status_class, requests, total_bytes, max_bytes, min_bytes, avg_bytes
FROM (
  SELECT COALESCE(status_class, 'all') AS status_class,
         GROUPING(status_class) AS is_total,
         COUNT(CASE WHEN counted THEN 1 END) AS requests,
         SUM(b) AS total_bytes,
         MAX(CASE WHEN counted THEN b END) AS max_bytes,
         MIN(CASE WHEN counted THEN b END) AS min_bytes,
         AVG(CASE WHEN counted THEN CAST(b AS DOUBLE) END) AS avg_bytes
  FROM (
    SELECT status_class, COALESCE(`bytes`, 0) AS b, TRUE AS counted FROM silver.weblogs_requests
    UNION ALL
    SELECT status_class, CAST(0 AS BIGINT), FALSE
    FROM (VALUES ('1xx'), ('2xx'), ('3xx'), ('4xx'), ('5xx')) AS c(status_class)
  )
  GROUP BY GROUPING SETS ((status_class), ())
)
WHERE is_total = 1 OR status_class IN ('1xx', '2xx', '3xx', '4xx', '5xx')
