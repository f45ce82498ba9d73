-- Per metric series, window and window end: the samples' statistics as PromQL's *_over_time
-- functions give them. A window ending at window_end holds the samples with
-- window_end - window < ts <= window_end; a window without samples has no row.
CREATE TABLE gold.metrics_window_stats (
  metric        STRING,
  series        STRING,
  window_name   STRING,         -- '1h', '3h', '12h'
  window_end    TIMESTAMP(3),   -- UTC, a multiple of the step (tributary.metrics.window.step)
  samples       BIGINT,         -- count_over_time
  max_value     DOUBLE,
  min_value     DOUBLE,
  avg_value     DOUBLE,
  stddev_value  DOUBLE,         -- population, as stddev_over_time
  p50_value     DOUBLE,         -- quantile_over_time(0.5, ...)
  p95_value     DOUBLE          -- quantile_over_time(0.95, ...)
)
