-- The SLIs per month, all services together
SELECT * FROM gold.sre_sli_monthly WHERE service = 'all' ORDER BY `month`
