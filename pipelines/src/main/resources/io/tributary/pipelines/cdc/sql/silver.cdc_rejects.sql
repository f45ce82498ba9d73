INSERT INTO silver.cdc_rejects
SELECT * FROM cdc_silver_rejects
