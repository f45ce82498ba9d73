-- Per metric series: the next 10 minutes, forecast at its latest window end from the samples of
-- its last 12 hours. SES, Holt and (when the series has a seasonal period) additive Holt-Winters
-- are fitted as statsmodels' ETSModel (additive errors, heuristic start, maximum likelihood); the
-- lowest AICc is the method.
CREATE TABLE gold.metrics_forecast (
  metric         STRING,
  series         STRING,
  made_at        TIMESTAMP(3),   -- UTC: the latest window end
  `method`       STRING,         -- 'SES', 'Holt', 'Holt-Winters'
  horizon_end    TIMESTAMP(3),   -- made_at + 10 minutes
  predicted_avg  DOUBLE,         -- the average of the point forecasts over the horizon's steps
  predicted_min  DOUBLE,         -- the lowest point forecast
  predicted_max  DOUBLE,         -- the highest point forecast
  avg_lower_80   DOUBLE,         -- the 80 % interval of that average
  avg_upper_80   DOUBLE,
  avg_lower_95   DOUBLE,         -- the 95 % interval of that average
  avg_upper_95   DOUBLE
)
