-- Requests (PostgreSQL). Times are UTC wall times.
CREATE TABLE IF NOT EXISTS log (
  id          BIGINT PRIMARY KEY,
  ts          TIMESTAMP(3),
  service     VARCHAR(100),
  endpoint    VARCHAR(500),
  status_code INT,
  latency_ms  INT
)
