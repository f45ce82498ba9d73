-- Each person's items in Swing's pool (those the person is sampled for), and how many items the
-- person had before sampling, which their weight uses.
CREATE TEMPORARY VIEW retail_${model}_swing_sets AS
SELECT person_id, ARRAY_AGG(item_id) AS items, MAX(person_items) AS person_items
FROM retail_${model}_swing_pool
GROUP BY person_id
