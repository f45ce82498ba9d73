-- How well each algorithm, trained before the holdout, predicts the holdout's new purchases.
CREATE TABLE gold.retail_recommendation_quality (
  algorithm          STRING,         -- cosine, swing, popular
  k                  INT,
  precision_at_k     DOUBLE,
  recall_at_k        DOUBLE,
  map_at_k           DOUBLE,
  ndcg_at_k          DOUBLE,
  hit_rate_at_k      DOUBLE,
  coverage           DOUBLE,         -- distinct items recommended ÷ distinct training items
  persons_evaluated  BIGINT,
  holdout_start      DATE
)
