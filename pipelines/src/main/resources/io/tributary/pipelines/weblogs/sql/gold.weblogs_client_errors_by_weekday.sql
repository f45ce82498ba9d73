INSERT INTO gold.weblogs_client_errors_by_weekday
SELECT iso_weekday, weekday, client_errors, rn = 1 AND client_errors > 0
FROM (
  SELECT d.iso_weekday, d.weekday, COALESCE(c.client_errors, 0) AS client_errors,
         ROW_NUMBER() OVER (ORDER BY COALESCE(c.client_errors, 0) DESC, d.iso_weekday ASC) AS rn
  FROM (VALUES (1, 'Monday'), (2, 'Tuesday'), (3, 'Wednesday'), (4, 'Thursday'),
               (5, 'Friday'), (6, 'Saturday'), (7, 'Sunday')) AS d(iso_weekday, weekday)
  LEFT JOIN (
    SELECT weekday, COUNT(*) AS client_errors
    FROM silver.weblogs_requests
    WHERE status_class = '4xx'
    GROUP BY weekday
  ) AS c ON d.weekday = c.weekday
)
-- All 7 days pass; the bound makes this a Top-N, which a streaming job can keep current.
WHERE rn <= 7
