-- Template: the current state of the captured table ${name}, keyed as at the source; its columns
-- (${columns}) and key (${key}) come from the tables file.
CREATE TABLE ${silver_table} (
${columns},
  PRIMARY KEY (${key}) NOT ENFORCED
)
