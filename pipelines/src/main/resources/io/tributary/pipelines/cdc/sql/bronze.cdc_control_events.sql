INSERT INTO bronze.cdc_control_events
SELECT * FROM cdc_control
