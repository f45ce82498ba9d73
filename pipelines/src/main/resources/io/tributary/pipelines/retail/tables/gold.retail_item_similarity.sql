-- Each item's K most similar items by algorithm (cosine, swing), best first; ties by item id.
CREATE TABLE gold.retail_item_similarity (
  item_id          STRING,
  similar_item_id  STRING,
  score            DOUBLE,
  similarity_rank  INT,
  algorithm        STRING
) PARTITIONED BY (algorithm)
