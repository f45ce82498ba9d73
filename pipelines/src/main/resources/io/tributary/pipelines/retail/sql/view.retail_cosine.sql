-- Cosine similarity of item pairs sharing a person: |U_i ∩ U_j| ÷ √(|U_i|·|U_j|). The self-join
-- on person costs Σ (items per person)², never persons × items.
CREATE TEMPORARY VIEW retail_${model}_cosine AS
SELECT c.item_id, c.similar_item_id,
       c.shared / SQRT(CAST(a.persons AS DOUBLE) * b.persons) AS score
FROM (
  SELECT x.item_id, y.item_id AS similar_item_id, CAST(COUNT(*) AS DOUBLE) AS shared
  FROM retail_${model}_pool AS x
  JOIN retail_${model}_pool AS y ON x.person_id = y.person_id AND x.item_id <> y.item_id
  GROUP BY x.item_id, y.item_id
) AS c
JOIN (SELECT item_id, COUNT(*) AS persons FROM retail_${model}_pool GROUP BY item_id) AS a
  ON a.item_id = c.item_id
JOIN (SELECT item_id, COUNT(*) AS persons FROM retail_${model}_pool GROUP BY item_id) AS b
  ON b.item_id = c.similar_item_id
