-- Lines that are not valid requests, with the reason. bronze = requests + rejects.
CREATE TABLE silver.weblogs_rejects (
  raw_line      STRING,
  reason        STRING,
  source_file   STRING,
  line_number   BIGINT,
  ingest_time   TIMESTAMP_LTZ(3),
  origin        STRING
) PARTITIONED BY (origin)
