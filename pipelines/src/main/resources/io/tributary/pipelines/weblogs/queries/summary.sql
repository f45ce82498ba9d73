-- Summary: requests, distinct client IPs and the days represented
SELECT * FROM gold.weblogs_summary
