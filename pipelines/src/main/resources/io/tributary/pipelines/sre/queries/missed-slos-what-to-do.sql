-- Every missed SLO with its top contributor and the recommendation
SELECT `period`, service, slo, `value`, target, top_contributor, top_share_pct, recommendation FROM gold.sre_recommendations ORDER BY `period`, service, slo
