-- Response bytes by status class: total, max, min and average
SELECT status_class, requests, total_bytes, max_bytes, min_bytes, avg_bytes FROM gold.weblogs_bytes_by_status_class ORDER BY status_class
