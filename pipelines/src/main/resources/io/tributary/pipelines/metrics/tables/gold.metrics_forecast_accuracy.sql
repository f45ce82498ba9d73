-- Per metric series: how well the forecast's method did from rolling origins (the last six, one
-- horizon apart, re-fitted at each) against the naive forecast (the last sample before the origin).
CREATE TABLE gold.metrics_forecast_accuracy (
  metric         STRING,
  series         STRING,
  made_at        TIMESTAMP(3),   -- UTC: the latest window end
  `method`       STRING,
  origins        INT,
  horizon_steps  INT,            -- samples in 10 minutes at the series' median spacing
  mae            DOUBLE,         -- mean absolute error over every origin and step
  naive_mae      DOUBLE,
  mase           DOUBLE          -- mae / naive_mae; NULL when the naive forecast was exact
)
