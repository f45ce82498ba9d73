-- Per SLA, metric series, window and window end: how the samples kept to the SLA's range. A window
-- without samples is 'no data', never compliance.
CREATE TABLE gold.sla_violations (
  sla_id                   STRING,
  metric                   STRING,
  series                   STRING,
  window_name              STRING,         -- '1h', '3h', '12h'
  window_end               TIMESTAMP(3),   -- UTC
  samples                  BIGINT,
  violations               BIGINT,         -- samples outside the range
  violating_minutes        BIGINT,         -- distinct UTC minutes holding a violation
  episodes                 BIGINT,         -- maximal runs of consecutive violating samples
  longest_episode_seconds  BIGINT,         -- first to last sample of the longest run
  in_range_ratio           DOUBLE,         -- 1 - violations / samples
  status                   STRING          -- 'ok', 'violated', 'no data'
)
