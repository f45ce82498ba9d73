-- Per SLA and metric series: whether the next 10 minutes' forecast leaves the SLA's range.
CREATE TABLE gold.sla_predictions (
  sla_id                STRING,
  metric                STRING,
  series                STRING,
  made_at               TIMESTAMP(3),   -- UTC: the latest window end
  predicted_violations  BIGINT,         -- forecast points outside the range
  breach_probability    DOUBLE          -- the highest, over the horizon's points, probability of
                                        -- being outside the range under the forecast's normal law
)
