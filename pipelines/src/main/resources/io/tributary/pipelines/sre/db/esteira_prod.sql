-- Deploy pipeline runs. Times are UTC wall times. ${timestamp}: DATETIME(3) on MySQL/MariaDB, TIMESTAMP(3) on PostgreSQL.
CREATE TABLE IF NOT EXISTS esteira_prod (
  run_id      BIGINT PRIMARY KEY,
  service     VARCHAR(100),
  pipeline    VARCHAR(200),
  commit_sha  VARCHAR(64),
  started_at  ${timestamp},
  finished_at ${timestamp},
  status      VARCHAR(20),
  environment VARCHAR(40)
)
