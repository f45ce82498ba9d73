-- How well each algorithm predicts the holdout's new purchases (view.retail_quality).
INSERT INTO gold.retail_recommendation_quality
SELECT algorithm, k, precision_at_k, recall_at_k, map_at_k, ndcg_at_k, hit_rate_at_k, coverage,
       persons_evaluated, holdout_start
FROM retail_quality
