-- Categories by revenue over the last 30 days of data, with their buyers and conversion.
SELECT c.`item_category`, SUM(c.`revenue`) AS `revenue`, SUM(c.`purchases`) AS `purchases`,
       SUM(c.`visits`) AS `visits`, CAST(SUM(c.`purchases`) AS DOUBLE) / SUM(c.`visits`) AS `purchases_per_visit`
FROM gold.retail_daily_category_kpis AS c
WHERE c.`event_date` > (SELECT MAX(`event_date`) FROM gold.retail_daily_kpis) - INTERVAL '30' DAY
GROUP BY c.`item_category`
ORDER BY `revenue` DESC
