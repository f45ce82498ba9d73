INSERT INTO gold.weblogs_top_endpoints
SELECT CAST(rn AS INT), endpoint, requests
FROM (
  SELECT endpoint, requests,
         ROW_NUMBER() OVER (ORDER BY requests DESC, endpoint ASC) AS rn
  FROM (
    SELECT endpoint, COUNT(*) AS requests
    FROM silver.weblogs_requests
    WHERE endpoint IS NOT NULL AND NOT is_file
    GROUP BY endpoint
  )
)
WHERE rn <= 6
