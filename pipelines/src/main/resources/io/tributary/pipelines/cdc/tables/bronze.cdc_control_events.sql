-- DDL and other control events of the captured databases: recorded, never applied.
CREATE TABLE bronze.cdc_control_events (
  format STRING,                    -- debezium-json or dms-json
  operation STRING,                 -- e.g. schema-change, truncate, create-table, drop-table
  source_schema STRING,
  source_table STRING,
  commit_ts TIMESTAMP_LTZ(6),
  detail STRING,                    -- the DDL statement or DMS control object
  payload STRING,
  source STRING,
  source_offset BIGINT,
  ingested_at TIMESTAMP_LTZ(3)
)
