-- Swing: every pair of persons adds w_u·w_v ÷ (α₂ + |I_u ∩ I_v|) to each pair of items they
-- share. Rounded to 12 decimals, so that sums taken in any order rank alike.
CREATE TEMPORARY VIEW retail_${model}_swing AS
SELECT a.item_id, b.item_id AS similar_item_id,
       ROUND(SUM(a.weight / (${alpha2} + s.shared)), 12) AS score
FROM retail_${model}_swing_shared AS a
JOIN retail_${model}_swing_shared AS b
  ON a.u = b.u AND a.v = b.v AND a.item_id <> b.item_id
JOIN (
  SELECT u, v, COUNT(*) AS shared FROM retail_${model}_swing_shared GROUP BY u, v
) AS s ON s.u = a.u AND s.v = a.v
GROUP BY a.item_id, b.item_id
