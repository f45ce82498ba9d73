-- Requests. Times are UTC wall times. ${timestamp}: DATETIME(3) on MySQL/MariaDB, TIMESTAMP(3) on PostgreSQL.
CREATE TABLE IF NOT EXISTS log (
  id          BIGINT PRIMARY KEY,
  ts          ${timestamp},
  service     VARCHAR(100),
  endpoint    VARCHAR(500),
  status_code INT,
  latency_ms  INT
)
