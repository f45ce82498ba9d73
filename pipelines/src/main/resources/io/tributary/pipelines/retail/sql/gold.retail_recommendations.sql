-- Every identified person once; one with nothing left to recommend (who saw every purchased
-- item) has NULL lists.
INSERT INTO gold.retail_recommendations
SELECT s.person_id, s.items_seen, r.items_recommended, r.scores, r.because,
       COALESCE(r.strategy, 'popular')
FROM (
  SELECT person_id, ranked_strings(seen_rank, item_id) AS items_seen
  FROM (
    SELECT person_id, item_id,
           CAST(ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY item_id) AS INT) AS seen_rank
    FROM retail_full_targets
  )
  GROUP BY person_id
) AS s
LEFT JOIN (
  SELECT person_id,
         ranked_strings(place, item_id) AS items_recommended,
         ranked_doubles(place, score) AS scores,
         ranked_strings(place, because) AS because,
         MAX(strategy) AS strategy
  FROM retail_full_recommended
  GROUP BY person_id
) AS r ON r.person_id = s.person_id
