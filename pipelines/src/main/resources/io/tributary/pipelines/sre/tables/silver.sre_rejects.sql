-- Source rows that fail the SRE pipeline's expectations, with the reason; they count nowhere else.
-- Keyed by table and row, so a row that is fixed at the source leaves this table.
CREATE TABLE silver.sre_rejects (
  source_table  STRING NOT NULL,
  source_key    STRING NOT NULL,
  reason        STRING,
  `row`         STRING,
  PRIMARY KEY (source_table, source_key) NOT ENFORCED
)
