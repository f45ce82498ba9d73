INSERT INTO gold.retail_item_similarity
SELECT item_id, similar_item_id, score, similarity_rank, algorithm
FROM retail_full_similarity
