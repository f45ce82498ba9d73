-- Each SLO per year for all services: value, target, met, error budget left
SELECT `period`, slo, sli, `value`, comparator, target, met, error_budget_remaining, burn_rate FROM gold.sre_slo_report WHERE service = 'all' AND `period` NOT LIKE '%-%' ORDER BY `period`, slo
