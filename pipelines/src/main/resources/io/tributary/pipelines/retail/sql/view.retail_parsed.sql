-- Each line with what the parser made of it (one row per line: an event, a reject, or a CSV
-- file's header). A stream record whose envelope could not be opened keeps that reason
-- (decode_error) as its reject_reason. The lateral join's own output, with no expression after
-- the function, as weblogs_parsed: the statements that read it share the parse and each projects
-- what it needs once.
CREATE TEMPORARY VIEW retail_parsed AS
SELECT *
FROM retail_lines AS l,
     LATERAL TABLE(parse_retail_event(l.line, csv_header(l.source_file), l.decode_error)) AS p
