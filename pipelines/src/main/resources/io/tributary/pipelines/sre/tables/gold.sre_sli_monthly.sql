-- The SLIs per month (UTC) and service ('all' = every service). Incidents have no service: their
-- SLIs are on the 'all' rows only.
CREATE TABLE gold.sre_sli_monthly (
  `month`                       STRING NOT NULL,
  service                       STRING NOT NULL,
  deploy_interval_hours         DOUBLE,
  deploy_interval_hours_median  DOUBLE,
  deploys                       BIGINT,
  failed_runs                   BIGINT,
  cancelled_runs                BIGINT,
  failures_per_deploy           DOUBLE,
  change_failure_rate_pct       DOUBLE,
  availability_pct              DOUBLE,
  valid_requests                BIGINT,
  good_requests                 BIGINT,
  incidents_opened              BIGINT,
  incidents_closed              BIGINT,
  incidents_open                BIGINT,
  response_days                 DOUBLE,
  response_days_median          DOUBLE,
  response_days_p90             DOUBLE,
  PRIMARY KEY (`month`, service) NOT ENFORCED
)
