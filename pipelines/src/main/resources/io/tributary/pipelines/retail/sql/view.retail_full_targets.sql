-- Whom gold.retail_recommendations is for: every identified person, with the items they saw.
CREATE TEMPORARY VIEW retail_full_targets AS
SELECT person_id, item_id, person_items
FROM retail_full_interactions
