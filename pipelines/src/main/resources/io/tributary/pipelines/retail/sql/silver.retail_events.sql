INSERT INTO silver.retail_events
SELECT event_id, person_id, item_id, item_category, event_time, utc_offset, event_date,
       purchased, price, quantity, source_file, line_number, origin
FROM retail_parsed
WHERE reject_reason IS NULL AND NOT is_header
