-- The contributors of each missed SLO, unnested from the arrays CONTRIBUTORS built.
INSERT INTO gold.sre_top_contributors
SELECT `period`, service, slo, kind, c.`rank`, sli, c.name, c.contributed, contributed_what, c.share_pct,
       c.detail, detail_what
FROM sre_slo_judged CROSS JOIN UNNEST(contributors) AS c(`rank`, name, contributed, share_pct, detail)
WHERE NOT met
UNION ALL
SELECT `period`, service, slo, kind2, c.`rank`, sli, c.name, c.contributed, contributed_what2, c.share_pct,
       c.detail, detail_what2
FROM sre_slo_judged CROSS JOIN UNNEST(contributors2) AS c(`rank`, name, contributed, share_pct, detail)
WHERE NOT met AND kind2 IS NOT NULL
