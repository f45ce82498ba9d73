-- Each person's top ${size} per algorithm, place 1 first: their best candidates, or, without
-- any, the most purchased items they have not seen.
CREATE TEMPORARY VIEW retail_${model}_recommended AS
SELECT person_id, algorithm, item_id, score, because, CAST(place AS INT) AS place,
       'similarity' AS strategy
FROM (
  SELECT person_id, algorithm, item_id, score, because,
         ROW_NUMBER() OVER (PARTITION BY person_id, algorithm ORDER BY score DESC, item_id)
           AS place
  FROM retail_${model}_candidates
)
WHERE place <= ${size}
UNION ALL
SELECT person_id, algorithm, item_id, score, because, CAST(place AS INT) AS place,
       'popular' AS strategy
FROM (
  SELECT n.person_id, n.algorithm, p.item_id, CAST(p.purchases AS DOUBLE) AS score,
         CAST(NULL AS STRING) AS because,
         ROW_NUMBER() OVER (PARTITION BY n.person_id, n.algorithm ORDER BY p.popularity)
           AS place
  FROM retail_${model}_uncovered AS n
  -- Only the items any uncovered person can get: the join has no key, so each person walks
  -- this list, which is N plus the most items one of them saw, not the whole catalogue.
  JOIN (
    SELECT item_id, purchases, popularity FROM retail_${model}_popular
    WHERE popularity <= ${size} + (SELECT MAX(person_items) FROM retail_${model}_uncovered)
  ) AS p ON p.popularity <= ${size} + n.person_items
  LEFT JOIN retail_${model}_targets AS seen
    ON seen.person_id = n.person_id AND seen.item_id = p.item_id
  WHERE seen.item_id IS NULL
)
WHERE place <= ${size}
