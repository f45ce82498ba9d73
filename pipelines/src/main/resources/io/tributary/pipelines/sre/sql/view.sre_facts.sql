-- Every valid run, request and incident once per period it counts in (its year and its month,
-- UTC) and per service it counts for (its own and 'all'; incidents have no service, only 'all').
-- Requests are first counted per month, service, endpoint and answer: the log's volume is
-- collapsed before anything else (runs and incidents keep a row each, by their key), and n says
-- how many source rows a fact stands for. The count runs over the union of all three, so that
-- everything after it is one updating stream in streaming mode (Flink 1.20's planner refuses a
-- union of an aggregate's updates with a source's inserts and deletes).
-- One stream of facts, aggregated once in sre_sli: a union, not joins (see ExecutionDefaults).
CREATE TEMPORARY VIEW sre_facts AS
SELECT p.`period`, s.service, f.kind, f.n, f.status, f.pipeline, f.deployed_at, f.good, f.endpoint,
       f.days, f.closed, f.assignment_group, f.category, f.service AS own_service
FROM (
  SELECT kind, row_key, service, `month`, status, pipeline, deployed_at, good, endpoint, days, closed,
         assignment_group, category, COUNT(*) AS n
  FROM (
    SELECT 'run' AS kind, CAST(run_id AS STRING) AS row_key, service, DATE_FORMAT(finished_at, 'yyyy-MM') AS `month`,
           LOWER(TRIM(status)) AS status, COALESCE(pipeline, CONCAT(service, ' (no pipeline)')) AS pipeline,
           finished_at AS deployed_at, CAST(NULL AS BOOLEAN) AS good, CAST(NULL AS STRING) AS endpoint,
           CAST(NULL AS DOUBLE) AS days, CAST(NULL AS BOOLEAN) AS closed,
           CAST(NULL AS STRING) AS assignment_group, CAST(NULL AS STRING) AS category
    FROM sre_runs_checked WHERE reject_reason IS NULL
    UNION ALL
    SELECT 'request', CAST(NULL AS STRING), service, DATE_FORMAT(ts, 'yyyy-MM'),
           CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP(3)),
           status_code < 500, CONCAT(service, ' ', COALESCE(endpoint, '?')),
           CAST(NULL AS DOUBLE), CAST(NULL AS BOOLEAN), CAST(NULL AS STRING), CAST(NULL AS STRING)
    FROM sre_requests_checked WHERE reject_reason IS NULL
    UNION ALL
    SELECT 'incident', `number`, CAST(NULL AS STRING), DATE_FORMAT(opened_at, 'yyyy-MM'),
           CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP(3)),
           CAST(NULL AS BOOLEAN), CAST(NULL AS STRING),
           CAST(TIMESTAMPDIFF(SECOND, opened_at, closed_at) AS DOUBLE) / 86400, closed_at IS NOT NULL,
           COALESCE(assignment_group, '(none)'), COALESCE(category, '(none)')
    FROM sre_incidents_checked WHERE reject_reason IS NULL
  )
  GROUP BY kind, row_key, service, `month`, status, pipeline, deployed_at, good, endpoint, days, closed,
           assignment_group, category
) AS f
CROSS JOIN UNNEST(ARRAY[SUBSTRING(f.`month`, 1, 4), f.`month`]) AS p(`period`)
CROSS JOIN UNNEST(ARRAY[f.service, 'all']) AS s(service)
WHERE s.service IS NOT NULL
