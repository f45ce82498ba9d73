-- Client errors (4xx) by weekday; is_max marks the weekday with the most
SELECT weekday, client_errors, is_max FROM gold.weblogs_client_errors_by_weekday ORDER BY iso_weekday
