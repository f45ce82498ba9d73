-- The interactions similarity is learnt from: persons with ${min_items}..${max_items} items
-- (more would cost the square of their items and say little about any pair).
CREATE TEMPORARY VIEW retail_${model}_pool AS
SELECT person_id, item_id, person_items
FROM retail_${model}_interactions
WHERE person_items BETWEEN ${min_items} AND ${max_items}
