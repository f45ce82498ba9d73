INSERT INTO gold.weblogs_top_client_ips
SELECT CAST(rn AS INT), client_ip, requests
FROM (
  SELECT client_ip, requests,
         ROW_NUMBER() OVER (ORDER BY requests DESC, client_ip ASC) AS rn
  FROM (SELECT client_ip, COUNT(*) AS requests FROM silver.weblogs_requests GROUP BY client_ip)
)
WHERE rn <= 10
