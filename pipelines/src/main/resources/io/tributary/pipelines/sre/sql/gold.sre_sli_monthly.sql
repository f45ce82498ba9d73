INSERT INTO gold.sre_sli_monthly
SELECT `period`, service, deploy_interval_hours, deploy_interval_hours_median, deploys, failed_runs, cancelled_runs,
       failures_per_deploy, change_failure_rate_pct, availability_pct, valid_requests, good_requests,
       incidents_opened, incidents_closed, incidents_open, response_days, response_days_median, response_days_p90
FROM sre_sli
WHERE CHAR_LENGTH(`period`) = 7
