-- 4xx responses per weekday; is_max marks the busiest (ties: earliest ISO weekday).
CREATE TABLE gold.weblogs_client_errors_by_weekday (
  iso_weekday    INT,
  weekday        STRING,
  client_errors  BIGINT,
  is_max         BOOLEAN
)
