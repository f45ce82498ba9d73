INSERT INTO bronze.cdc_rejects
SELECT * FROM cdc_bronze_rejects
