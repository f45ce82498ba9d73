-- Lines that are not valid shop events, with the reason. bronze = events + rejects + CSV headers.
CREATE TABLE silver.retail_rejects (
  raw_line      STRING,
  reason        STRING,
  source_file   STRING,
  line_number   BIGINT,
  ingest_time   TIMESTAMP_LTZ(3),
  origin        STRING
) PARTITIONED BY (origin)
