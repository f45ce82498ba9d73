-- What the evaluation must find: each person's holdout purchases of items they had not seen
-- before the holdout.
CREATE TEMPORARY VIEW retail_relevant AS
SELECT DISTINCT e.person_id, e.item_id
FROM retail_events_unique AS e
CROSS JOIN retail_holdout AS h
LEFT JOIN retail_train_interactions AS t
  ON t.person_id = e.person_id AND t.item_id = e.item_id
WHERE e.event_date >= h.holdout_start
  AND e.purchased
  AND e.person_id IS NOT NULL
  AND t.item_id IS NULL
