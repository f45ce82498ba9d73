INSERT INTO silver.weblogs_requests
SELECT client_ip, ident, `user`, ts, utc_offset, `method`, endpoint, `query`, protocol,
       status, status_class, `bytes`, referrer, user_agent, is_file, `date`, weekday,
       source_file, line_number, origin
FROM weblogs_parsed
WHERE reject_reason IS NULL
