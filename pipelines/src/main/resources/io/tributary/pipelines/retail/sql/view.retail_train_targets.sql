-- Whom the evaluation recommends to: persons with a training interaction and a relevant item,
-- with their training items.
CREATE TEMPORARY VIEW retail_train_targets AS
SELECT person_id, item_id, person_items
FROM retail_train_interactions
WHERE person_id IN (SELECT person_id FROM retail_relevant)
