-- Each line with what the parser made of it (one row per line, valid or not). A stream record
-- whose envelope could not be opened keeps that reason (decode_error) as its reject_reason.
-- The view is the lateral join's own output, every column in order, with no expression after the
-- function: the statements that read it share the parse, and each projects what it needs once
-- (an expression here would be a step of its own that copies every field of every line).
CREATE TEMPORARY VIEW weblogs_parsed AS
SELECT *
FROM weblogs_lines AS l,
     LATERAL TABLE(parse_access_log(l.line, l.decode_error)) AS p
