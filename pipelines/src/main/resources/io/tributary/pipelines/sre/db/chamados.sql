-- Incidents, ServiceNow-like. closed_at is null while an incident is open. ${timestamp}: DATETIME(3) on MySQL/MariaDB, TIMESTAMP(3) on PostgreSQL.
CREATE TABLE IF NOT EXISTS chamados (
  number           VARCHAR(40) PRIMARY KEY,
  caller_id        VARCHAR(100),
  category         VARCHAR(100),
  subcategory      VARCHAR(100),
  u_symptom        VARCHAR(200),
  assignment_group VARCHAR(100),
  incident_state   VARCHAR(40),
  opened_at        ${timestamp},
  closed_at        ${timestamp}
)
