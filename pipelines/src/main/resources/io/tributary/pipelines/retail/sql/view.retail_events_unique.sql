-- Silver with each event_id once: its first arrival (by source, then line or offset), so that a
-- backfill and a stream that both saw an event count it once, whichever wrote it first.
CREATE TEMPORARY VIEW retail_events_unique AS
SELECT event_id, person_id, item_id, item_category, event_date, purchased, price, quantity
FROM (
  SELECT *,
         ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY source_file, line_number) AS arrival
  FROM silver.retail_events
)
WHERE arrival = 1
