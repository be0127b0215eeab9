-- migrate:up
-- not destructive: shop.order_stats is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.order_stats;
CREATE MATERIALIZED VIEW shop.order_stats WITH (autovacuum_enabled = 'false', fillfactor = '70') AS
SELECT orders.status,
    count(*) AS n
   FROM shop.orders
  GROUP BY orders.status;
CREATE UNIQUE INDEX order_stats_status_idx ON shop.order_stats USING btree (status);

-- migrate:down
-- not destructive: shop.order_stats is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.order_stats;
CREATE MATERIALIZED VIEW shop.order_stats AS
SELECT orders.status,
    count(*) AS n
   FROM shop.orders
  GROUP BY orders.status;
CREATE UNIQUE INDEX order_stats_status_idx ON shop.order_stats USING btree (status);
