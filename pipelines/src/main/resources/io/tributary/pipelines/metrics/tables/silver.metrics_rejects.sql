-- What could not be read, and why: a response that is not a query_range answer, a pair that is not
-- a sample, a value that is not a finite number.
CREATE TABLE silver.metrics_rejects (
  metric      STRING,
  series      STRING,
  ts          TIMESTAMP(3),
  value_text  STRING,         -- the value, or the start of the response
  source      STRING,
  `position`  BIGINT,
  origin      STRING,
  reason      STRING
)
