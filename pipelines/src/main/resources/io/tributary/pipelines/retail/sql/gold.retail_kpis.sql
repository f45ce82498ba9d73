-- The KPIs per ${keys} (ARCHITECTURE.md, retail): one template for the daily and the daily
-- per-category table.
INSERT INTO gold.${table}
SELECT ${keys}, people_identified, visits, items_visited, purchases, items_sold,
       CAST(revenue AS DECIMAL(38, 4)),
       buyers,
       CAST(buyers AS DOUBLE) / NULLIF(people_identified, 0),
       CAST(revenue / NULLIF(purchases, 0) AS DECIMAL(38, 4))
FROM (
  SELECT ${keys},
         COUNT(DISTINCT person_id) AS people_identified,
         COUNT(*) AS visits,
         COUNT(DISTINCT item_id) AS items_visited,
         COUNT(CASE WHEN purchased THEN 1 END) AS purchases,
         COALESCE(SUM(CASE WHEN purchased THEN CAST(quantity AS BIGINT) END), 0) AS items_sold,
         COALESCE(SUM(CASE WHEN purchased THEN price * quantity END), 0) AS revenue,
         COUNT(DISTINCT CASE WHEN purchased THEN person_id END) AS buyers
  FROM retail_events_unique
  GROUP BY ${keys}
)
