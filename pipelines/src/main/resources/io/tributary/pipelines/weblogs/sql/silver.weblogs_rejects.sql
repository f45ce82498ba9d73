INSERT INTO silver.weblogs_rejects
SELECT line, reject_reason, source_file, line_number, CURRENT_TIMESTAMP, origin
FROM weblogs_parsed
WHERE reject_reason IS NOT NULL
