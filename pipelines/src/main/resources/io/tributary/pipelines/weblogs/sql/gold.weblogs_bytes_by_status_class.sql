INSERT INTO gold.weblogs_bytes_by_status_class
SELECT c.status_class,
       COALESCE(s.requests, 0),
       COALESCE(s.total_bytes, 0),
       s.max_bytes,
       s.min_bytes,
       s.avg_bytes
FROM (VALUES ('1xx'), ('2xx'), ('3xx'), ('4xx'), ('5xx'), ('all')) AS c(status_class)
LEFT JOIN (
  SELECT COALESCE(status_class, 'all') AS status_class,
         COUNT(*) AS requests,
         SUM(b) AS total_bytes,
         MAX(b) AS max_bytes,
         MIN(b) AS min_bytes,
         AVG(CAST(b AS DOUBLE)) AS avg_bytes
  FROM (SELECT status_class, COALESCE(`bytes`, 0) AS b FROM silver.weblogs_requests)
  GROUP BY GROUPING SETS ((status_class), ())
) AS s ON c.status_class = s.status_class
