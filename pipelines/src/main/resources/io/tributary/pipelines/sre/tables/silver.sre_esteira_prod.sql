-- Deploy pipeline runs as the database holds them now (batch: a JDBC snapshot; streaming: CDC applied).
CREATE TABLE silver.sre_esteira_prod (
  run_id       STRING NOT NULL,
  service      STRING,
  pipeline     STRING,
  commit_sha   STRING,
  started_at   TIMESTAMP(3),
  finished_at  TIMESTAMP(3),
  status       STRING,
  environment  STRING,
  PRIMARY KEY (run_id) NOT ENFORCED
)
