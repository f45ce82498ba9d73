-- Requests and rejected lines go through one aggregation (a union, not a join of two): see
-- gold.weblogs_bytes_by_status_class for why streaming SQL here has no joins.
INSERT INTO gold.weblogs_summary
SELECT COUNT(CASE WHEN is_request THEN 1 END) AS total_requests,
       COUNT(DISTINCT client_ip) AS distinct_client_ips,
       COUNT(DISTINCT `date`) AS days_represented,
       MIN(`date`) AS first_date,
       MAX(`date`) AS last_date,
       COUNT(CASE WHEN NOT is_request THEN 1 END) AS rejected_lines
FROM (
  SELECT TRUE AS is_request, client_ip, `date` FROM silver.weblogs_requests
  UNION ALL
  SELECT FALSE, CAST(NULL AS STRING), CAST(NULL AS DATE) FROM silver.weblogs_rejects
)
