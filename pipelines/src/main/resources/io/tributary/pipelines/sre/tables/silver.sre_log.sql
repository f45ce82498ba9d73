-- Requests as the database holds them now (batch: a JDBC snapshot; streaming: CDC applied).
CREATE TABLE silver.sre_log (
  id           BIGINT NOT NULL,
  ts           TIMESTAMP(3),
  service      STRING,
  endpoint     STRING,
  status_code  INT,
  latency_ms   INT,
  PRIMARY KEY (id) NOT ENFORCED
)
