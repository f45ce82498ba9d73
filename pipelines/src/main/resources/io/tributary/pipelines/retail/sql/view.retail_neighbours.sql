-- Each item's ranked neighbours per algorithm the ${model} model recommends by, as two lists.
CREATE TEMPORARY VIEW retail_${model}_neighbours AS
SELECT algorithm, item_id,
       ranked_strings(similarity_rank, similar_item_id) AS neighbours,
       ranked_doubles(similarity_rank, score) AS scores
FROM retail_${model}_similarity
WHERE algorithm IN (${algorithms})
GROUP BY algorithm, item_id
