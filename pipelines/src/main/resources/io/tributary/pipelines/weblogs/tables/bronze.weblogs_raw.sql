-- Every landing line as it arrived, with where it came from.
CREATE TABLE bronze.weblogs_raw (
  line          STRING,
  source_file   STRING,
  line_number   BIGINT,
  ingest_time   TIMESTAMP_LTZ(3)
)
