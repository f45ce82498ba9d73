INSERT INTO silver.retail_rejects
SELECT line, reject_reason, source_file, line_number, CURRENT_TIMESTAMP, origin
FROM retail_parsed
WHERE reject_reason IS NOT NULL
