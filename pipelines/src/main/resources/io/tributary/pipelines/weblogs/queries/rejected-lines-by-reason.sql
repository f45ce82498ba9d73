-- Why lines were rejected
SELECT reason, COUNT(*) AS `lines` FROM silver.weblogs_rejects GROUP BY reason ORDER BY `lines` DESC, reason
