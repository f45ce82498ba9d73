-- For every missed SLO, the three pipelines, endpoints, assignment groups or categories that
-- contributed most to its bad events, with their share of them and a figure of their own.
CREATE TABLE gold.sre_top_contributors (
  `period`            STRING NOT NULL,
  service           STRING NOT NULL,
  slo               STRING NOT NULL,
  contributor_kind  STRING NOT NULL,
  `rank`            INT NOT NULL,
  sli               STRING,
  contributor       STRING,
  contributed       BIGINT,
  contributed_what  STRING,
  share_pct         DOUBLE,
  detail            DOUBLE,
  detail_what       STRING,
  PRIMARY KEY (`period`, service, slo, contributor_kind, `rank`) NOT ENFORCED
)
