-- Incidents as the database holds them now (batch: a JDBC snapshot; streaming: CDC applied).
CREATE TABLE silver.sre_chamados (
  `number`          STRING NOT NULL,
  caller_id         STRING,
  category          STRING,
  subcategory       STRING,
  u_symptom         STRING,
  assignment_group  STRING,
  incident_state    STRING,
  opened_at         TIMESTAMP(3),
  closed_at         TIMESTAMP(3),
  PRIMARY KEY (`number`) NOT ENFORCED
)
