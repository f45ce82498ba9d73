-- Each line with what the parser made of it (one row per line: an event, a reject, or a CSV
-- file's header). A stream record whose envelope could not be opened keeps that reason.
CREATE TEMPORARY VIEW retail_parsed AS
SELECT l.line, l.source_file, l.line_number, l.origin,
       p.event_id, p.person_id, p.item_id, p.item_category, p.event_time, p.utc_offset,
       p.event_date, p.purchased, p.price, p.quantity, p.is_header,
       COALESCE(l.decode_error, p.reject_reason) AS reject_reason
FROM retail_lines AS l,
     LATERAL TABLE(parse_retail_event(l.line, csv_header(l.source_file))) AS p
