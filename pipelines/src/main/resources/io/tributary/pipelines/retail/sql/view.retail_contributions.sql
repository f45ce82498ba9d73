-- Each seen item's neighbours the person has not seen: one row per (person, algorithm,
-- candidate, seen item) with the pair's similarity.
CREATE TEMPORARY VIEW retail_${model}_contributions AS
SELECT t.person_id, s.algorithm, s.similar_item_id AS item_id, t.item_id AS seen_item, s.score
FROM retail_${model}_targets AS t
JOIN retail_${model}_similarity AS s ON s.item_id = t.item_id
LEFT JOIN retail_${model}_targets AS seen
  ON seen.person_id = t.person_id AND seen.item_id = s.similar_item_id
WHERE seen.item_id IS NULL
  AND s.algorithm IN (${algorithms})
