-- The rows of the database table chamados as a backfill read them, with where and when.
CREATE TABLE bronze.sre_chamados (
  `number`          STRING NOT NULL,
  caller_id         STRING,
  category          STRING,
  subcategory       STRING,
  u_symptom         STRING,
  assignment_group  STRING,
  incident_state    STRING,
  opened_at         TIMESTAMP(3),
  closed_at         TIMESTAMP(3),
  source       STRING,
  ingested_at  TIMESTAMP_LTZ(3)
)
