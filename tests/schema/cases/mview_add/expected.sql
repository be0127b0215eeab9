-- migrate:up
CREATE VIEW shop.open_orders AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.status = 'new'::shop.status;
CREATE MATERIALIZED VIEW shop.open_by_customer AS
SELECT open_orders.customer_id,
    sum(open_orders.total_cents) AS total
   FROM shop.open_orders
  GROUP BY open_orders.customer_id
  WITH NO DATA;
CREATE MATERIALIZED VIEW shop.order_stats AS
SELECT orders.status,
    count(*) AS n,
    sum(orders.total_cents) AS total
   FROM shop.orders
  GROUP BY orders.status;
COMMENT ON MATERIALIZED VIEW shop.order_stats IS 'Refreshed nightly';

-- migrate:down
DROP MATERIALIZED VIEW shop.open_by_customer;
DROP VIEW shop.open_orders;
DROP MATERIALIZED VIEW shop.order_stats;
