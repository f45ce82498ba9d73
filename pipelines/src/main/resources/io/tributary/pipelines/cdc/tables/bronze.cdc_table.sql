-- Raw change events of one captured table, as they arrived (template: ${name} is the table).
CREATE TABLE bronze.cdc_${name} (
  op STRING,                        -- insert, update or delete
  commit_ts TIMESTAMP_LTZ(6),       -- the source's commit time
  log_position STRING,              -- LSN, binlog position, SCN or DMS stream position; sortable
  source_schema STRING,
  source_table STRING,
  payload STRING,                   -- the event, verbatim
  source STRING,                    -- kafka:<topic>/<partition>
  source_offset BIGINT,
  ingested_at TIMESTAMP_LTZ(3)
)
