-- Deploy pipeline runs with the first expectation each fails (null when it passes).
CREATE TEMPORARY VIEW sre_runs_checked AS
SELECT *,
       CASE
         WHEN started_at IS NULL THEN 'started_at is null'
         WHEN finished_at IS NULL THEN 'finished_at is null'
         WHEN finished_at < started_at THEN 'finished before started'
         WHEN status IS NULL THEN 'status is null'
         WHEN LOWER(TRIM(status)) NOT IN ('success', 'failure', 'cancelled')
           THEN CONCAT('unknown status ''', status, ''' (expected success, failure or cancelled)')
         WHEN service IS NULL THEN 'service is null'
       END AS reject_reason
FROM silver.sre_esteira_prod${read_options}
