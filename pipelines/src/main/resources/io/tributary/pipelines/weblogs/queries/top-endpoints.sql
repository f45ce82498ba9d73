-- Top 6 endpoints (files excluded)
SELECT `rank`, endpoint, requests FROM gold.weblogs_top_endpoints ORDER BY `rank`
