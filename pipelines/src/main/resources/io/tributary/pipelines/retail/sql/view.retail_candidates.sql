-- A candidate's score is its summed similarity to the person's seen items (rounded to 12
-- decimals, so that sums in any order rank alike); because is the seen item most similar to it.
CREATE TEMPORARY VIEW retail_${model}_candidates AS
SELECT c.person_id, c.algorithm, c.item_id, c.score, b.seen_item AS because
FROM (
  SELECT person_id, algorithm, item_id, ROUND(SUM(score), 12) AS score
  FROM retail_${model}_contributions
  GROUP BY person_id, algorithm, item_id
) AS c
JOIN (
  SELECT person_id, algorithm, item_id, seen_item
  FROM (
    SELECT person_id, algorithm, item_id, seen_item,
           ROW_NUMBER() OVER (PARTITION BY person_id, algorithm, item_id
                              ORDER BY score DESC, seen_item) AS strongest
    FROM retail_${model}_contributions
  )
  WHERE strongest = 1
) AS b ON b.person_id = c.person_id AND b.algorithm = c.algorithm AND b.item_id = c.item_id
