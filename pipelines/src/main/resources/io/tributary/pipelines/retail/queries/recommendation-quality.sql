-- How well each recommender predicted the holdout's new purchases, best MAP first.
SELECT `algorithm`, `k`, `map_at_k`, `ndcg_at_k`, `precision_at_k`, `recall_at_k`,
       `hit_rate_at_k`, `coverage`, `persons_evaluated`, `holdout_start`
FROM gold.retail_recommendation_quality
ORDER BY `map_at_k` DESC
