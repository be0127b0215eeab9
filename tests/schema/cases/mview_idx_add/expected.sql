-- migrate:up
CREATE INDEX order_stats_n_idx ON shop.order_stats USING btree (n DESC);
CREATE UNIQUE INDEX order_stats_status_idx ON shop.order_stats USING btree (status);
CREATE MATERIALIZED VIEW shop.customer_names AS
SELECT customers.id,
    customers.name
   FROM shop.customers
  WITH NO DATA;
CREATE UNIQUE INDEX customer_names_id ON shop.customer_names USING btree (id);
CREATE INDEX customer_names_name_idx ON shop.customer_names USING btree (name) WHERE (name <> ''::text);
COMMENT ON INDEX shop.order_stats_n_idx IS 'Busiest first';

-- migrate:down
DROP MATERIALIZED VIEW shop.customer_names;
DROP INDEX shop.order_stats_n_idx;
DROP INDEX shop.order_stats_status_idx;
