-- The SLIs per period and service (definitions in ARCHITECTURE.md), and who contributed to each
-- SLI's bad events. The mean deploy interval is (last − first) ÷ (deploys − 1): the mean of the
-- gaps between consecutive deploys of the period, without ordering them.
CREATE TEMPORARY VIEW sre_sli AS
SELECT `period`, service,
       CASE WHEN deploys >= 2
            THEN CAST(TIMESTAMPDIFF(SECOND, first_deploy, last_deploy) AS DOUBLE) / 3600 / (deploys - 1)
       END AS deploy_interval_hours,
       deploy_interval_hours_median,
       deploys, failed_runs, cancelled_runs,
       CASE WHEN deploys > 0 THEN CAST(failed_runs AS DOUBLE) / deploys END AS failures_per_deploy,
       CASE WHEN deploys + failed_runs > 0
            THEN CAST(failed_runs AS DOUBLE) * 100 / (deploys + failed_runs)
       END AS change_failure_rate_pct,
       CASE WHEN valid_requests > 0
            THEN CAST(COALESCE(good_requests, 0) AS DOUBLE) * 100 / valid_requests
       END AS availability_pct,
       COALESCE(valid_requests, 0) AS valid_requests, COALESCE(good_requests, 0) AS good_requests,
       incidents_opened, incidents_closed, incidents_opened - incidents_closed AS incidents_open,
       response_days, response_days_median, response_days_p90,
       undeployed_by_pipeline, failures_by_pipeline, errors_by_endpoint, errors_by_service,
       late_by_group, late_by_category
FROM (
  SELECT `period`, service,
         COUNT(*) FILTER (WHERE kind = 'run' AND status = 'success') AS deploys,
         COUNT(*) FILTER (WHERE kind = 'run' AND status = 'failure') AS failed_runs,
         COUNT(*) FILTER (WHERE kind = 'run' AND status = 'cancelled') AS cancelled_runs,
         MIN(deployed_at) FILTER (WHERE kind = 'run' AND status = 'success') AS first_deploy,
         MAX(deployed_at) FILTER (WHERE kind = 'run' AND status = 'success') AS last_deploy,
         MEDIAN_GAP_HOURS(deployed_at) FILTER (WHERE kind = 'run' AND status = 'success') AS deploy_interval_hours_median,
         SUM(n) FILTER (WHERE kind = 'request') AS valid_requests,
         SUM(n) FILTER (WHERE kind = 'request' AND good) AS good_requests,
         COUNT(*) FILTER (WHERE kind = 'incident') AS incidents_opened,
         COUNT(*) FILTER (WHERE kind = 'incident' AND closed) AS incidents_closed,
         AVG(days) FILTER (WHERE kind = 'incident' AND closed) AS response_days,
         MEDIAN_OF(days) FILTER (WHERE kind = 'incident' AND closed) AS response_days_median,
         P90_OF(days) FILTER (WHERE kind = 'incident' AND closed) AS response_days_p90,
         -- Runs that did not deploy (failed or cancelled) per pipeline; detail: % of its runs that deployed.
         CONTRIBUTORS(pipeline, CAST(CASE WHEN status <> 'success' THEN 1 ELSE 0 END AS BIGINT),
                      CAST(CASE WHEN status = 'success' THEN 100 ELSE 0 END AS DOUBLE), CAST(1 AS DOUBLE))
           FILTER (WHERE kind = 'run') AS undeployed_by_pipeline,
         -- Failed runs per pipeline; detail: its failures per deploy.
         CONTRIBUTORS(pipeline, CAST(CASE WHEN status = 'failure' THEN 1 ELSE 0 END AS BIGINT),
                      CAST(CASE WHEN status = 'failure' THEN 1 ELSE 0 END AS DOUBLE),
                      CAST(CASE WHEN status = 'success' THEN 1 ELSE 0 END AS DOUBLE))
           FILTER (WHERE kind = 'run') AS failures_by_pipeline,
         -- 5xx answers per endpoint; detail: % of its requests that failed.
         CONTRIBUTORS(endpoint, CASE WHEN good THEN 0 ELSE n END,
                      CAST(CASE WHEN good THEN 0 ELSE 100 * n END AS DOUBLE), CAST(n AS DOUBLE))
           FILTER (WHERE kind = 'request') AS errors_by_endpoint,
         -- 5xx answers per service (on the 'all' rows); detail: % of its requests that failed.
         CONTRIBUTORS(own_service, CASE WHEN good THEN 0 ELSE n END,
                      CAST(CASE WHEN good THEN 0 ELSE 100 * n END AS DOUBLE), CAST(n AS DOUBLE))
           FILTER (WHERE kind = 'request') AS errors_by_service,
         -- Closures later than the response target per group and category; detail: mean days.
         CONTRIBUTORS(assignment_group,
                      CAST(CASE WHEN days > SLO_TARGET('response_days', `period`) THEN 1 ELSE 0 END AS BIGINT),
                      days, CAST(1 AS DOUBLE))
           FILTER (WHERE kind = 'incident' AND closed) AS late_by_group,
         CONTRIBUTORS(category,
                      CAST(CASE WHEN days > SLO_TARGET('response_days', `period`) THEN 1 ELSE 0 END AS BIGINT),
                      days, CAST(1 AS DOUBLE))
           FILTER (WHERE kind = 'incident' AND closed) AS late_by_category
  FROM sre_facts
  GROUP BY `period`, service
)
