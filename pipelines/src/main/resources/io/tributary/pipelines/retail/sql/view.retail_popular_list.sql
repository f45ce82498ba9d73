-- The popular items as one list, most purchased first: as long as any person needs (${size} plus
-- the most items one of them saw), never the whole catalogue.
CREATE TEMPORARY VIEW retail_${model}_popular_list AS
SELECT ranked_strings(CAST(popularity AS INT), item_id) AS items,
       ranked_doubles(CAST(popularity AS INT), CAST(purchases AS DOUBLE)) AS purchases
FROM retail_${model}_popular
WHERE popularity <= ${size} + (SELECT MAX(person_items) FROM retail_${model}_targets)
