-- migrate:up
-- not destructive: shop.order_stats is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.order_stats;
CREATE MATERIALIZED VIEW shop.order_stats AS
SELECT orders.status,
    count(*) AS n,
    max(orders.total_cents) AS top
   FROM shop.orders
  GROUP BY orders.status;
COMMENT ON MATERIALIZED VIEW shop.order_stats IS 'Refreshed nightly';
REFRESH MATERIALIZED VIEW shop.customer_names;

-- migrate:down
-- not destructive: shop.order_stats is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.order_stats;
CREATE MATERIALIZED VIEW shop.order_stats AS
SELECT orders.status,
    count(*) AS n
   FROM shop.orders
  GROUP BY orders.status;
COMMENT ON MATERIALIZED VIEW shop.order_stats IS 'Refreshed nightly';
REFRESH MATERIALIZED VIEW shop.customer_names WITH NO DATA;
