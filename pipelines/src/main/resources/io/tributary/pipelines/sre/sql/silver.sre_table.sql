-- Template: the database table ${name} as it is now (the streaming mode's CDC keeps the same table).
INSERT INTO silver.sre_${name}
SELECT * FROM jdbc_${name}${where}
