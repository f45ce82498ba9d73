-- What the streaming job's live model learns from (retail/live/RetailLiveModel): each unique event
-- as a changelog, anonymous ones included, since they count in popularity.
CREATE TEMPORARY VIEW retail_model_events AS
SELECT person_id, item_id, purchased
FROM retail_events_unique
