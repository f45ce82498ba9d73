-- The rows of the database table esteira_prod as a backfill read them, with where and when.
CREATE TABLE bronze.sre_esteira_prod (
  run_id       STRING NOT NULL,
  service      STRING,
  pipeline     STRING,
  commit_sha   STRING,
  started_at   TIMESTAMP(3),
  finished_at  TIMESTAMP(3),
  status       STRING,
  environment  STRING,
  source       STRING,
  ingested_at  TIMESTAMP_LTZ(3)
)
