-- Every [time, value] pair the sources returned, as returned (value_text is Prometheus's own text),
-- with where it came from; a response that could not be read is one row without a time.
CREATE TABLE bronze.metrics_samples_raw (
  metric      STRING,         -- the metrics file's name (a landing file: its folder)
  series      STRING,         -- the label set, '{instance="h1:9100",job="node"}'
  ts          TIMESTAMP(3),   -- UTC
  value_text  STRING,
  source      STRING,         -- the landing file, or the range query's address
  `position`  BIGINT,         -- the pair's place in that response, from 1 (0: the whole response)
  origin      STRING          -- 'landing', 'prometheus' (a backfill's read) or 'stream'
)
