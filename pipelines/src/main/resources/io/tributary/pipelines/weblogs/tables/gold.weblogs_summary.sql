-- One row: how much traffic, from how many clients, over which days.
CREATE TABLE gold.weblogs_summary (
  total_requests       BIGINT,
  distinct_client_ips  BIGINT,
  days_represented     BIGINT,
  first_date           DATE,
  last_date            DATE,
  rejected_lines       BIGINT
)
