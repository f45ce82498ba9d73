-- Every identified person once; one with nothing left to recommend (who saw every purchased
-- item) has NULL lists.
INSERT INTO gold.retail_recommendations
SELECT person_id, items_seen, items_recommended, scores, because, strategy
FROM retail_full_recommended
