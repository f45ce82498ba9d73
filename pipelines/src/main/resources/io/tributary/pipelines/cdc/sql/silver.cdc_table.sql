-- Template: the current state of ${name}, upserted by its primary key in the source's order.
INSERT INTO ${silver_table}
SELECT * FROM cdc_${name}_current
