-- Kafka records that are no change event of their topic's format, or of no listed table.
CREATE TABLE bronze.cdc_rejects (
  reason STRING,
  payload STRING,
  source STRING,
  source_offset BIGINT,
  ingested_at TIMESTAMP_LTZ(3)
)
