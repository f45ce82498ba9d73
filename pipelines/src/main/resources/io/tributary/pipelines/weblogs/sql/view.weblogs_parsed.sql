-- Each landing line with what the parser made of it (one row per line, valid or not).
CREATE TEMPORARY VIEW weblogs_parsed AS
SELECT l.line, l.source_file, l.line_number, p.*
FROM landing_weblogs AS l,
     LATERAL TABLE(parse_access_log(l.line)) AS p
