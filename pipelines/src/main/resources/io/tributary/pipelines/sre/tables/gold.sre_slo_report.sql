-- Each SLO judged per period ('YYYY' or 'YYYY-MM', UTC) and service ('all' = every service).
CREATE TABLE gold.sre_slo_report (
  `period`                  STRING NOT NULL,
  service                 STRING NOT NULL,
  slo                     STRING NOT NULL,
  sli                     STRING,
  `value`                 DOUBLE,
  target                  DOUBLE,
  comparator              STRING,
  met                     BOOLEAN,
  error_budget_remaining  DOUBLE,
  burn_rate               DOUBLE,
  PRIMARY KEY (`period`, service, slo) NOT ENFORCED
)
