-- Requests with the first expectation each fails (null when it passes).
CREATE TEMPORARY VIEW sre_requests_checked AS
SELECT *,
       CASE
         WHEN ts IS NULL THEN 'ts is null'
         WHEN status_code IS NULL THEN 'status_code is null'
         WHEN status_code < 100 OR status_code > 599 THEN 'status_code outside 100-599'
         WHEN service IS NULL THEN 'service is null'
       END AS reject_reason
FROM silver.sre_log${read_options}
