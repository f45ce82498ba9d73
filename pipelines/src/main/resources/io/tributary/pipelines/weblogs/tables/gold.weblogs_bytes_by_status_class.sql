-- Response bytes per status class ('1xx'..'5xx') and 'all'; '-' bytes count as 0.
CREATE TABLE gold.weblogs_bytes_by_status_class (
  status_class  STRING,
  requests      BIGINT,
  total_bytes   BIGINT,
  max_bytes     BIGINT,
  min_bytes     BIGINT,
  avg_bytes     DOUBLE
)
