-- Silver's requests per day and status class: a few thousand rows for years of logs. The gold
-- statements that need no finer key read this instead of every request, so one aggregation over
-- silver serves three tables (the planner reuses a sub-plan that is spelled the same in each; a
-- WHERE on it in one statement would be pushed below the aggregation and end the sharing, so the
-- readers select with CASE). '-' bytes count as 0, as in gold.weblogs_bytes_by_status_class.
CREATE TEMPORARY VIEW weblogs_daily_classes AS
SELECT `date`, weekday, status_class,
       COUNT(*) AS requests,
       SUM(COALESCE(`bytes`, 0)) AS total_bytes,
       MAX(COALESCE(`bytes`, 0)) AS max_bytes,
       MIN(COALESCE(`bytes`, 0)) AS min_bytes
FROM silver.weblogs_requests
GROUP BY `date`, weekday, status_class
