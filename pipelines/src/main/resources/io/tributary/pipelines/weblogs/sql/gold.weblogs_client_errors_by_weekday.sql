INSERT INTO gold.weblogs_client_errors_by_weekday
SELECT iso_weekday, weekday, client_errors, rn = 1 AND client_errors > 0
FROM (
  SELECT iso_weekday, weekday, client_errors,
         ROW_NUMBER() OVER (ORDER BY client_errors DESC, iso_weekday ASC) AS rn
  FROM (
    SELECT CASE weekday WHEN 'Monday' THEN 1 WHEN 'Tuesday' THEN 2 WHEN 'Wednesday' THEN 3
                        WHEN 'Thursday' THEN 4 WHEN 'Friday' THEN 5 WHEN 'Saturday' THEN 6 ELSE 7 END AS iso_weekday,
           weekday,
           SUM(client_errors) AS client_errors
    FROM (
      -- Silver's per-day rows (view.weblogs_daily_classes), their 4xx requests counted by CASE,
      -- not a WHERE, so that the view's aggregation stays the one the other gold tables read. The
      -- parser gives every request one of the seven English weekday names.
      SELECT weekday, CASE WHEN status_class = '4xx' THEN requests ELSE 0 END AS client_errors
      FROM weblogs_daily_classes
      UNION ALL
      -- Every weekday is present, as a zero-weight row, even without a 4xx response; added rather
      -- than joined, as in gold.weblogs_bytes_by_status_class.
      SELECT weekday, CAST(0 AS BIGINT)
      FROM (VALUES ('Monday'), ('Tuesday'), ('Wednesday'), ('Thursday'), ('Friday'), ('Saturday'), ('Sunday')) AS d(weekday)
    )
    GROUP BY weekday
  )
)
-- All 7 days pass; the bound makes this a Top-N, which a streaming job can keep current.
WHERE rn <= 7
