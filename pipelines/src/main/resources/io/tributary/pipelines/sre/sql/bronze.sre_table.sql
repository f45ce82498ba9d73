-- Template: the rows of the database table ${name} as this backfill read them, with their origin.
INSERT INTO bronze.sre_${name}
SELECT *, '${source}' AS source, CURRENT_TIMESTAMP AS ingested_at
FROM jdbc_${name}${where}
