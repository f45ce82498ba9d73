-- Valid samples, typed: one row per series and time per source (a time read twice, from two
-- sources, is counted once by gold).
CREATE TABLE silver.metrics_samples (
  metric       STRING,
  series       STRING,
  ts           TIMESTAMP(3),   -- UTC
  `value`      DOUBLE,
  sample_date  DATE,           -- UTC
  source       STRING,
  `position`   BIGINT,
  origin       STRING
) PARTITIONED BY (sample_date)
