INSERT INTO gold.sre_recommendations
SELECT `period`, service, slo, sli, `value`, target,
       CASE WHEN CARDINALITY(contributors) > 0 THEN contributors[1].name END,
       CASE WHEN CARDINALITY(contributors) > 0 THEN contributors[1].share_pct END,
       SLO_RECOMMENDATION(sli, `value`, target, comparator, contributors, contributors2)
FROM sre_slo_judged
WHERE NOT met
