-- Change events whose row does not fit their table's columns (still kept in bronze.cdc_<table>).
CREATE TABLE silver.cdc_rejects (
  table_name STRING,
  op STRING,
  commit_ts TIMESTAMP_LTZ(6),
  reason STRING,
  payload STRING,
  source STRING,
  source_offset BIGINT,
  ingested_at TIMESTAMP_LTZ(3)
)
