-- Deploy pipeline runs (MySQL/MariaDB). Times are UTC wall times.
CREATE TABLE IF NOT EXISTS esteira_prod (
  run_id      BIGINT PRIMARY KEY,
  service     VARCHAR(100),
  pipeline    VARCHAR(200),
  commit_sha  VARCHAR(64),
  started_at  DATETIME(3),
  finished_at DATETIME(3),
  status      VARCHAR(20),
  environment VARCHAR(40)
)
