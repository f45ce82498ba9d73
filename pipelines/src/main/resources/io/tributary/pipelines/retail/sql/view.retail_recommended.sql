-- Each person's top ${size} per algorithm: the unseen items most similar to what they saw, or,
-- without a single candidate, the most purchased items they have not seen. recommend() walks a
-- person's seen items and their neighbour lists in memory (one row per seen item); only the
-- persons it leaves without candidates are joined to the popular list.
CREATE TEMPORARY VIEW retail_${model}_recommended AS
SELECT person_id, algorithm,
       r.items_seen AS items_seen, r.items_recommended AS items_recommended,
       r.scores AS scores, r.because AS because, r.strategy AS strategy
FROM (
  SELECT x.person_id, x.algorithm, popular_fill(x.r, p.items, p.purchases, ${size}) AS r
  FROM (
    SELECT t.person_id, a.algorithm, recommend(t.item_id, n.neighbours, n.scores, ${size}) AS r
    FROM retail_${model}_targets AS t
    CROSS JOIN UNNEST(${algorithm_array}) AS a(algorithm)
    LEFT JOIN retail_${model}_neighbours AS n
      ON n.algorithm = a.algorithm AND n.item_id = t.item_id
    GROUP BY t.person_id, a.algorithm
  ) AS x
  LEFT JOIN (
    SELECT 'popular' AS strategy, items, purchases FROM retail_${model}_popular_list
  ) AS p ON p.strategy = x.r.strategy
)
