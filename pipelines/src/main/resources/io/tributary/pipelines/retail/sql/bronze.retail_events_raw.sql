INSERT INTO bronze.retail_events_raw
SELECT line, source_file, line_number, CURRENT_TIMESTAMP, origin
FROM retail_lines
