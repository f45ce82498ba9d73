-- Swing's persons per item: at most ${max_persons_per_item} of an item's persons, a fixed sample
-- (the smallest MD5 of person and item) where more had it — as Flink ML's maxUserNumPerItem, since
-- an item's persons meet in pairs and a hit item would otherwise cost the square of its buyers.
CREATE TEMPORARY VIEW retail_${model}_swing_pool AS
SELECT person_id, item_id, person_items
FROM (
  SELECT person_id, item_id, person_items,
         ROW_NUMBER() OVER (PARTITION BY item_id ORDER BY MD5(CONCAT(person_id, '/', item_id)))
           AS sampled
  FROM retail_${model}_pool
)
WHERE sampled <= ${max_persons_per_item}
