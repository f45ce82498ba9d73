-- The rows of the database table log as a backfill read them, with where and when.
CREATE TABLE bronze.sre_log (
  id           BIGINT NOT NULL,
  ts           TIMESTAMP(3),
  service      STRING,
  endpoint     STRING,
  status_code  INT,
  latency_ms   INT,
  source       STRING,
  ingested_at  TIMESTAMP_LTZ(3)
)
