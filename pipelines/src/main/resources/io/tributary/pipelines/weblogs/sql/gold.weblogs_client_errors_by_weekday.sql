INSERT INTO gold.weblogs_client_errors_by_weekday
SELECT iso_weekday, weekday, client_errors, rn = 1 AND client_errors > 0
FROM (
  SELECT iso_weekday, weekday, client_errors,
         ROW_NUMBER() OVER (ORDER BY client_errors DESC, iso_weekday ASC) AS rn
  FROM (
    SELECT CASE weekday WHEN 'Monday' THEN 1 WHEN 'Tuesday' THEN 2 WHEN 'Wednesday' THEN 3
                        WHEN 'Thursday' THEN 4 WHEN 'Friday' THEN 5 WHEN 'Saturday' THEN 6 ELSE 7 END AS iso_weekday,
           weekday,
           COUNT(CASE WHEN counted THEN 1 END) AS client_errors
    FROM (
      -- Every weekday is present, as a zero-weight row, even without a 4xx response; added rather
      -- than joined, as in gold.weblogs_bytes_by_status_class.
      SELECT weekday, TRUE AS counted FROM silver.weblogs_requests
      WHERE status_class = '4xx'
        AND weekday IN ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
      UNION ALL
      SELECT weekday, FALSE
      FROM (VALUES ('Monday'), ('Tuesday'), ('Wednesday'), ('Thursday'), ('Friday'), ('Saturday'), ('Sunday')) AS d(weekday)
    )
    GROUP BY weekday
  )
)
-- All 7 days pass; the bound makes this a Top-N, which a streaming job can keep current.
WHERE rn <= 7
