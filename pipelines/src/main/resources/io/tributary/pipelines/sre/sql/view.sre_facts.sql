-- Every valid run, request and incident once per period it counts in (its year and its month,
-- UTC) and per service it counts for (its own and 'all'; incidents have no service, only 'all').
-- One stream of facts, aggregated once in sre_sli: a union, not joins (see ExecutionDefaults).
CREATE TEMPORARY VIEW sre_facts AS
SELECT p.`period`, s.service, f.kind, f.status, f.pipeline, f.deployed_at, f.good, f.endpoint,
       f.days, f.closed, f.assignment_group, f.category, f.service AS own_service
FROM (
  SELECT 'run' AS kind, service, LOWER(TRIM(status)) AS status,
         COALESCE(pipeline, CONCAT(service, ' (no pipeline)')) AS pipeline,
         finished_at AS happened_at, finished_at AS deployed_at,
         CAST(NULL AS BOOLEAN) AS good, CAST(NULL AS STRING) AS endpoint,
         CAST(NULL AS DOUBLE) AS days, CAST(NULL AS BOOLEAN) AS closed,
         CAST(NULL AS STRING) AS assignment_group, CAST(NULL AS STRING) AS category
  FROM sre_runs_checked WHERE reject_reason IS NULL
  UNION ALL
  SELECT 'request', service, CAST(NULL AS STRING), CAST(NULL AS STRING),
         ts, CAST(NULL AS TIMESTAMP(3)),
         status_code < 500, CONCAT(service, ' ', COALESCE(endpoint, '?')),
         CAST(NULL AS DOUBLE), CAST(NULL AS BOOLEAN), CAST(NULL AS STRING), CAST(NULL AS STRING)
  FROM sre_requests_checked WHERE reject_reason IS NULL
  UNION ALL
  SELECT 'incident', CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING),
         opened_at, CAST(NULL AS TIMESTAMP(3)),
         CAST(NULL AS BOOLEAN), CAST(NULL AS STRING),
         CAST(TIMESTAMPDIFF(SECOND, opened_at, closed_at) AS DOUBLE) / 86400, closed_at IS NOT NULL,
         COALESCE(assignment_group, '(none)'), COALESCE(category, '(none)')
  FROM sre_incidents_checked WHERE reject_reason IS NULL
) AS f
CROSS JOIN UNNEST(ARRAY[DATE_FORMAT(f.happened_at, 'yyyy'), DATE_FORMAT(f.happened_at, 'yyyy-MM')]) AS p(`period`)
CROSS JOIN UNNEST(ARRAY[f.service, 'all']) AS s(service)
WHERE s.service IS NOT NULL
