-- Each SLI of each period and service, judged by every SLO on it whose window fits the period
-- (SLO_JUDGE reads the targets file), with the contributors that explain a miss. An SLI is judged
-- where it has events: the deploy SLIs for 'all' always (a month without deploys misses) and for a
-- service where it had runs; availability where requests were logged; response_days where
-- incidents were opened, on the 'all' rows only (incidents have no service). The second view of
-- contributors: services for availability on the 'all' rows, categories for response_days; a branch
-- without one gives typed nulls (CASE WHEN FALSE keeps the array's type).
CREATE TEMPORARY VIEW sre_slo_judged AS
SELECT x.`period`, x.service, x.sli, x.`value`, j.slo, j.target, j.comparator, j.met,
       j.error_budget_remaining, j.burn_rate,
       x.kind, x.contributors, x.contributed_what, x.detail_what,
       x.kind2, x.contributors2, x.contributed_what2, x.detail_what2
FROM (
  SELECT `period`, service, 'deploy_interval_hours' AS sli, deploy_interval_hours AS `value`,
         'pipeline' AS kind, undeployed_by_pipeline AS contributors,
         'runs that did not deploy' AS contributed_what, 'pct_runs_deployed' AS detail_what,
         CAST(NULL AS STRING) AS kind2, CASE WHEN FALSE THEN late_by_category END AS contributors2,
         CAST(NULL AS STRING) AS contributed_what2, CAST(NULL AS STRING) AS detail_what2
  FROM sre_sli
  WHERE service = 'all' OR deploys + failed_runs + cancelled_runs > 0
  UNION ALL
  SELECT `period`, service, 'failures_per_deploy', failures_per_deploy,
         'pipeline', failures_by_pipeline, 'failed runs', 'failures_per_deploy',
         CAST(NULL AS STRING), CASE WHEN FALSE THEN late_by_category END, CAST(NULL AS STRING), CAST(NULL AS STRING)
  FROM sre_sli
  WHERE service = 'all' OR deploys + failed_runs + cancelled_runs > 0
  UNION ALL
  SELECT `period`, service, 'availability_pct', availability_pct,
         'endpoint', errors_by_endpoint, '5xx answers', 'pct_requests_failed',
         CASE WHEN service = 'all' THEN 'service' END, CASE WHEN service = 'all' THEN errors_by_service END,
         '5xx answers', 'pct_requests_failed'
  FROM sre_sli
  WHERE valid_requests > 0
  UNION ALL
  SELECT `period`, service, 'response_days', response_days,
         'assignment_group', late_by_group, 'late closures', 'mean_response_days',
         'category', late_by_category, 'late closures', 'mean_response_days'
  FROM sre_sli
  WHERE service = 'all' AND incidents_opened > 0
) AS x,
LATERAL TABLE(SLO_JUDGE(x.sli, x.`period`, x.`value`)) AS j(slo, target, comparator, met, error_budget_remaining, burn_rate)
