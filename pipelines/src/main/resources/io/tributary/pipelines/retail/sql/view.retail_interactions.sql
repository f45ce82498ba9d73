-- I_u of the ${model} model: each identified person's distinct items, with how many they are.
CREATE TEMPORARY VIEW retail_${model}_interactions AS
SELECT i.person_id, i.item_id, p.items AS person_items
FROM (SELECT DISTINCT person_id, item_id FROM ${events} WHERE person_id IS NOT NULL) AS i
JOIN (
  SELECT person_id, COUNT(DISTINCT item_id) AS items
  FROM ${events}
  WHERE person_id IS NOT NULL
  GROUP BY person_id
) AS p ON p.person_id = i.person_id
