-- Whom the evaluation recommends to: persons with a training interaction and a relevant item,
-- with their training items. (A join, not IN (SELECT …): the planner estimates a semi-join's
-- output at one row and then broadcasts it into nested-loop joins.)
CREATE TEMPORARY VIEW retail_train_targets AS
SELECT t.person_id, t.item_id, t.person_items
FROM retail_train_interactions AS t
JOIN (SELECT DISTINCT person_id FROM retail_relevant) AS r ON r.person_id = t.person_id
