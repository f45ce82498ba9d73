-- Swing: every pair of an item's persons adds w_u·w_v ÷ (α₂ + |I_u ∩ I_v|) to each other item
-- they share, w = (α₁ + |I|)^-β (swing_scores walks an item's pairs of persons in memory).
CREATE TEMPORARY VIEW retail_${model}_swing AS
SELECT s.item_id, n.similar_item_id, n.score
FROM (
  SELECT p.item_id,
         swing_scores(p.item_id, p.person_id, l.items, l.person_items,
                      ${alpha1}, ${alpha2}, ${beta})
           AS neighbours
  FROM retail_${model}_swing_pool AS p
  JOIN retail_${model}_swing_sets AS l ON l.person_id = p.person_id
  GROUP BY p.item_id
) AS s
CROSS JOIN UNNEST(s.neighbours) AS n(similar_item_id, score)
