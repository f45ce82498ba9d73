-- Every line as it arrived, from a landing file or a stream record, with where it came from.
CREATE TABLE bronze.weblogs_raw (
  line          STRING,
  source_file   STRING,
  line_number   BIGINT,
  ingest_time   TIMESTAMP_LTZ(3),
  origin        STRING           -- 'landing' (backfills) or 'stream'; each job replaces only its own
) PARTITIONED BY (origin)
