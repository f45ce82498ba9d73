-- Swing's raw material: each unordered pair of persons (u < v) with an item both had, and the
-- pair's weight w_u·w_v, w = (α₁ + |I|)^-β.
CREATE TEMPORARY VIEW retail_${model}_swing_shared AS
SELECT x.person_id AS u, y.person_id AS v, x.item_id,
       POWER(${alpha1} + x.person_items, -${beta}) * POWER(${alpha1} + y.person_items, -${beta})
         AS weight
FROM retail_${model}_swing_pool AS x
JOIN retail_${model}_swing_pool AS y ON x.item_id = y.item_id AND x.person_id < y.person_id
