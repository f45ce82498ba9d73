-- SLA definitions, every revision of every SLA (metrics/sla/SlaStore): one row per metric of a
-- revision; a deletion is a revision with deleted = TRUE and no metric. The latest revision of an
-- SLA is the SLA; its revision is the service's ETag.
CREATE TABLE silver.metrics_slas (
  sla_id      STRING,
  revision    INT,
  name        STRING,
  metric      STRING,
  min_value   DOUBLE,
  max_value   DOUBLE,
  deleted     BOOLEAN,
  changed_at  TIMESTAMP(3)   -- UTC
)
