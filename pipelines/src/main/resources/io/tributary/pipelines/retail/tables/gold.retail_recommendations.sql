-- Per identified person: what they saw, and the N items recommended to them, best first.
CREATE TABLE gold.retail_recommendations (
  person_id          STRING,
  items_seen         ARRAY<STRING>,  -- every item the person had an event with, by item id
  items_recommended  ARRAY<STRING>,
  scores             ARRAY<DOUBLE>,  -- summed similarity; for 'popular', the item's purchases
  because            ARRAY<STRING>,  -- per recommendation, the seen item most similar to it
  strategy           STRING          -- 'similarity', or 'popular' for a person without candidates
)
