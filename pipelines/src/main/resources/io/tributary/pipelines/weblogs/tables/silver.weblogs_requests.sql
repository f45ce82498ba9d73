-- Valid requests, parsed and typed. `date` and `weekday` follow the line's own UTC offset.
CREATE TABLE silver.weblogs_requests (
  client_ip     STRING,
  ident         STRING,
  `user`        STRING,
  ts            TIMESTAMP_LTZ(3),
  utc_offset    STRING,
  `method`      STRING,
  endpoint      STRING,
  `query`       STRING,
  protocol      STRING,
  status        INT,
  status_class  STRING,
  `bytes`       BIGINT,
  referrer      STRING,
  user_agent    STRING,
  is_file       BOOLEAN,
  `date`        DATE,
  weekday       STRING,
  source_file   STRING,
  line_number   BIGINT,
  origin        STRING
) PARTITIONED BY (`date`, origin)
