-- Items by purchases (events), most first, ties by item id: what a person without candidates is
-- recommended.
CREATE TEMPORARY VIEW retail_${model}_popular AS
SELECT item_id, purchases,
       ROW_NUMBER() OVER (ORDER BY purchases DESC, item_id) AS popularity
FROM (
  SELECT item_id, COUNT(*) AS purchases FROM ${events} WHERE purchased GROUP BY item_id
)
