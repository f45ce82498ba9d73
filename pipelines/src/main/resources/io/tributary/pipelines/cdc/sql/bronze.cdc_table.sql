-- Template: ${name} is the captured table.
INSERT INTO bronze.cdc_${name}
SELECT op, commit_ts, log_position, source_schema, source_table, payload, source, source_offset, ingested_at
FROM cdc_events
WHERE table_name = '${name}'
