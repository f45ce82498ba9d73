-- For every missed SLO, what to do first, derived from its top contributors.
CREATE TABLE gold.sre_recommendations (
  `period`           STRING NOT NULL,
  service          STRING NOT NULL,
  slo              STRING NOT NULL,
  sli              STRING,
  `value`          DOUBLE,
  target           DOUBLE,
  top_contributor  STRING,
  top_share_pct    DOUBLE,
  recommendation   STRING,
  PRIMARY KEY (`period`, service, slo) NOT ENFORCED
)
