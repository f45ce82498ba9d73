-- Each item's ${neighbours} best neighbours per algorithm (ties by item id).
CREATE TEMPORARY VIEW retail_${model}_similarity AS
SELECT item_id, similar_item_id, score, CAST(similarity_rank AS INT) AS similarity_rank, algorithm
FROM (
  SELECT item_id, similar_item_id, score, algorithm,
         ROW_NUMBER() OVER (PARTITION BY algorithm, item_id
                            ORDER BY score DESC, similar_item_id) AS similarity_rank
  FROM (
    SELECT item_id, similar_item_id, score, 'cosine' AS algorithm FROM retail_${model}_cosine
    UNION ALL
    SELECT item_id, similar_item_id, score, 'swing' AS algorithm FROM retail_${model}_swing
  )
)
WHERE similarity_rank <= ${neighbours}
