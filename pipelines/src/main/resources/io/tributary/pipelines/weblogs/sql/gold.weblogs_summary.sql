INSERT INTO gold.weblogs_summary
SELECT r.total_requests, r.distinct_client_ips, r.days_represented, r.first_date, r.last_date,
       j.rejected_lines
FROM (
  SELECT COUNT(*) AS total_requests,
         COUNT(DISTINCT client_ip) AS distinct_client_ips,
         COUNT(DISTINCT `date`) AS days_represented,
         MIN(`date`) AS first_date,
         MAX(`date`) AS last_date
  FROM silver.weblogs_requests
) AS r
CROSS JOIN (SELECT COUNT(*) AS rejected_lines FROM silver.weblogs_rejects) AS j
