-- Template: SCD2 versions of the captured table ${name}: its columns, then valid_from, valid_to,
-- is_current and the change that made each version; keyed by its key and valid_from.
CREATE TABLE ${history_table} (
${history_columns},
  PRIMARY KEY (${history_key}) NOT ENFORCED
)
