-- Every shop event as it arrived (a JSON or CSV line, or a stream record), with where it came from.
CREATE TABLE bronze.retail_events_raw (
  line          STRING,
  source_file   STRING,
  line_number   BIGINT,
  ingest_time   TIMESTAMP_LTZ(3),
  origin        STRING           -- 'landing' (backfills) or 'stream'; each job replaces only its own
) PARTITIONED BY (origin)
