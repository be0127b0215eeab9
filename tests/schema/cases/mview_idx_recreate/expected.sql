-- migrate:up
-- not destructive: shop.order_stats is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.order_stats;
DROP INDEX shop.customer_names_name_idx;
CREATE INDEX customer_names_name_idx ON shop.customer_names USING btree (name) WHERE (name <> ''::text);
ALTER INDEX shop.customer_names_id_idx SET (fillfactor = '80');
CREATE MATERIALIZED VIEW shop.order_stats AS
SELECT orders.status,
    count(*) AS n,
    max(orders.total_cents) AS top
   FROM shop.orders
  GROUP BY orders.status;
CREATE INDEX order_stats_n_idx ON shop.order_stats USING btree (n);
CREATE UNIQUE INDEX order_stats_status_idx ON shop.order_stats USING btree (status);
COMMENT ON INDEX shop.order_stats_status_idx IS 'For REFRESH CONCURRENTLY';
CREATE INDEX order_stats_top_idx ON shop.order_stats USING btree (top);

-- migrate:down
-- not destructive: shop.order_stats is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.order_stats;
DROP INDEX shop.customer_names_name_idx;
CREATE INDEX customer_names_name_idx ON shop.customer_names USING btree (name);
ALTER INDEX shop.customer_names_id_idx RESET (fillfactor);
CREATE MATERIALIZED VIEW shop.order_stats AS
SELECT orders.status,
    count(*) AS n
   FROM shop.orders
  GROUP BY orders.status;
CREATE INDEX order_stats_n_idx ON shop.order_stats USING btree (n);
CREATE UNIQUE INDEX order_stats_status_idx ON shop.order_stats USING btree (status);
COMMENT ON INDEX shop.order_stats_status_idx IS 'For REFRESH CONCURRENTLY';
