-- What the evaluated models learn from: the events before the holdout.
CREATE TEMPORARY VIEW retail_train_events AS
SELECT e.*
FROM retail_events_unique AS e
CROSS JOIN retail_holdout AS h
WHERE e.event_date < h.holdout_start
