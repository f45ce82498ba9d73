-- The evaluation's holdout: the ${holdout_days} calendar days ending at the latest event date.
CREATE TEMPORARY VIEW retail_holdout AS
SELECT CAST(TIMESTAMPADD(DAY, 1 - ${holdout_days}, MAX(event_date)) AS DATE) AS holdout_start
FROM retail_events_unique
