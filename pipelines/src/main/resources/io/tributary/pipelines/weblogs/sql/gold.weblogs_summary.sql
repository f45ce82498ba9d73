-- Requests and rejected lines go through one aggregation (a union, not a join of two): see
-- gold.weblogs_bytes_by_status_class for why streaming SQL here has no joins.
-- The distinct counts come from one row per client and one per day rather than COUNT(DISTINCT):
-- two distinct counts would triple every request's row for the aggregation (docs/benchmarks.md,
-- "Session 24"). The per-client counts are gold.weblogs_top_client_ips' own, and the days come
-- from view.weblogs_daily_classes: each aggregation over silver is computed once.
INSERT INTO gold.weblogs_summary
SELECT COALESCE(SUM(requests), 0) AS total_requests,
       COUNT(client_ip) AS distinct_client_ips,
       COUNT(`date`) AS days_represented,
       MIN(`date`) AS first_date,
       MAX(`date`) AS last_date,
       COUNT(rejected) AS rejected_lines
FROM (
  SELECT requests, client_ip, CAST(NULL AS DATE) AS `date`, CAST(NULL AS INT) AS rejected
  FROM (SELECT client_ip, COUNT(*) AS requests FROM silver.weblogs_requests GROUP BY client_ip)
  UNION ALL
  SELECT CAST(0 AS BIGINT), CAST(NULL AS STRING), `date`, CAST(NULL AS INT)
  FROM (SELECT `date` FROM weblogs_daily_classes GROUP BY `date`)
  UNION ALL
  SELECT CAST(0 AS BIGINT), CAST(NULL AS STRING), CAST(NULL AS DATE), 1
  FROM silver.weblogs_rejects
)
