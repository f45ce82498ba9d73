-- One row per calendar date and item category: the shop's KPIs.
CREATE TABLE gold.retail_daily_category_kpis (
  event_date         DATE,
  item_category      STRING,
  people_identified  BIGINT,         -- distinct identified persons with an event
  visits             BIGINT,         -- events, anonymous ones included
  items_visited      BIGINT,         -- distinct items with an event
  purchases          BIGINT,         -- events with purchased
  items_sold         BIGINT,         -- sum of quantity over purchases
  revenue            DECIMAL(38, 4), -- sum of price × quantity over purchases
  buyers             BIGINT,         -- distinct identified persons with a purchase
  conversion_rate    DOUBLE,         -- buyers ÷ people_identified
  avg_order_value    DECIMAL(38, 4)  -- revenue ÷ purchases
)
