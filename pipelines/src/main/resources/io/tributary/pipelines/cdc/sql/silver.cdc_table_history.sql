-- Template: SCD2 versions of ${name}, keyed by its primary key and valid_from.
INSERT INTO ${history_table}
SELECT * FROM cdc_${name}_history
