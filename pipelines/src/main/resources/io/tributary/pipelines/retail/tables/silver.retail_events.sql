-- Valid shop events, typed. event_date follows the event's own UTC offset. A repeated event_id
-- stays here as it arrived; gold counts it once.
CREATE TABLE silver.retail_events (
  event_id       STRING,
  person_id      STRING,         -- NULL: an anonymous visitor
  item_id        STRING,
  item_category  STRING,         -- 'unknown' where the event had none
  event_time     TIMESTAMP_LTZ(3),
  utc_offset     STRING,
  event_date     DATE,
  purchased      BOOLEAN,
  price          DECIMAL(18, 4), -- unit price
  quantity       INT,
  source_file    STRING,
  line_number    BIGINT,
  origin         STRING
) PARTITIONED BY (event_date, origin)
