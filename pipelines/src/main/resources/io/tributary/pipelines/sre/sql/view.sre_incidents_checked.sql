-- Incidents with the first expectation each fails (null when it passes).
CREATE TEMPORARY VIEW sre_incidents_checked AS
SELECT *,
       CASE
         WHEN opened_at IS NULL THEN 'opened_at is null'
         WHEN closed_at < opened_at THEN 'closed before opened'
       END AS reject_reason
FROM silver.sre_chamados${read_options}
