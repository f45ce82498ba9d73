-- Each line with what the parser made of it (one row per line, valid or not). A stream record
-- whose envelope could not be opened keeps that reason.
CREATE TEMPORARY VIEW weblogs_parsed AS
SELECT l.line, l.source_file, l.line_number, l.origin,
       p.client_ip, p.ident, p.`user`, p.ts, p.utc_offset, p.`method`, p.endpoint, p.`query`,
       p.protocol, p.status, p.status_class, p.`bytes`, p.referrer, p.user_agent, p.is_file,
       p.`date`, p.weekday,
       COALESCE(l.decode_error, p.reject_reason) AS reject_reason
FROM weblogs_lines AS l,
     LATERAL TABLE(parse_access_log(l.line)) AS p
