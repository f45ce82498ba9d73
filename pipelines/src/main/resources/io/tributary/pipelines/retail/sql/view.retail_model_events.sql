-- What the streaming job's live model learns from (retail/live/RetailLiveModel): each unique event
-- as a changelog, anonymous ones included (they count in popularity), with its date (the
-- evaluation's holdout is whole days).
CREATE TEMPORARY VIEW retail_model_events AS
SELECT person_id, item_id, purchased, event_date
FROM retail_events_unique
