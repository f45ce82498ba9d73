-- The 10 clients with the most requests (ties: requests desc, client_ip asc).
CREATE TABLE gold.weblogs_top_client_ips (
  `rank`        INT,
  client_ip     STRING,
  requests      BIGINT
)
