-- The shop's KPIs per day, latest first: visitors, purchases, revenue, conversion and order value.
SELECT `event_date`, `people_identified`, `visits`, `purchases`, `items_sold`, `revenue`,
       `buyers`, `conversion_rate`, `avg_order_value`
FROM gold.retail_daily_kpis
ORDER BY `event_date` DESC
LIMIT 31
