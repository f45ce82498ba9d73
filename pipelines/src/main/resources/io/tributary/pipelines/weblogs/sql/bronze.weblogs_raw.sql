INSERT INTO bronze.weblogs_raw
SELECT line, source_file, line_number, CURRENT_TIMESTAMP, origin
FROM weblogs_lines
