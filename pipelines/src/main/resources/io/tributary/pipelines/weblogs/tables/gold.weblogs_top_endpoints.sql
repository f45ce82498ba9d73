-- The 6 endpoints with the most requests, not counting endpoints that name files.
CREATE TABLE gold.weblogs_top_endpoints (
  `rank`        INT,
  endpoint      STRING,
  requests      BIGINT
)
