INSERT INTO gold.sre_slo_report
SELECT `period`, service, slo, sli, `value`, target, comparator, met, error_budget_remaining, burn_rate
FROM sre_slo_judged
