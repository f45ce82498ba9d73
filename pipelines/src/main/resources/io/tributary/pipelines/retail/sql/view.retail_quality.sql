-- Each algorithm trained before the holdout, judged on the holdout (Spark's RankingMetrics at k,
-- averaged over the evaluated persons; one without recommendations scores 0). A streaming job
-- registers this view from its live model instead (retail/live/LiveEvaluation).
CREATE TEMPORARY VIEW retail_quality AS
SELECT x.algorithm, ${eval_k} AS k,
       AVG(q.precision_at_k) AS precision_at_k, AVG(q.recall_at_k) AS recall_at_k,
       AVG(q.average_precision_at_k) AS map_at_k, AVG(q.ndcg_at_k) AS ndcg_at_k,
       AVG(q.hit_at_k) AS hit_rate_at_k, MAX(c.coverage) AS coverage,
       COUNT(*) AS persons_evaluated, MAX(h.holdout_start) AS holdout_start
FROM (
  SELECT r.person_id, r.algorithm, r.items_recommended AS recommended, rel.relevant
  FROM retail_train_recommended AS r
  JOIN (
    SELECT person_id, ranked_strings(relevant_rank, item_id) AS relevant
    FROM (
      SELECT person_id, item_id,
             CAST(ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY item_id) AS INT)
               AS relevant_rank
      FROM retail_relevant
    )
    GROUP BY person_id
  ) AS rel ON rel.person_id = r.person_id
) AS x
CROSS JOIN LATERAL TABLE(ranking_quality(x.recommended, x.relevant, ${eval_k})) AS q
JOIN (
  SELECT r.algorithm,
         CAST(COUNT(DISTINCT u.item_id) AS DOUBLE)
           / (SELECT COUNT(DISTINCT item_id) FROM retail_train_events) AS coverage
  FROM retail_train_recommended AS r
  CROSS JOIN UNNEST(r.items_recommended) AS u(item_id)
  GROUP BY r.algorithm
) AS c ON c.algorithm = x.algorithm
CROSS JOIN retail_holdout AS h
GROUP BY x.algorithm
