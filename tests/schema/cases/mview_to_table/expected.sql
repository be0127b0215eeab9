-- migrate:up
DROP MATERIALIZED VIEW shop.big_orders;
CREATE TABLE shop.big_orders (
	id bigint NOT NULL,
	total_cents integer NOT NULL
);
CREATE UNIQUE INDEX big_orders_id_idx ON shop.big_orders USING btree (id);
COMMENT ON INDEX shop.big_orders_id_idx IS 'One row per order';
CREATE INDEX big_orders_total_cents_idx ON shop.big_orders USING btree (total_cents) WHERE (total_cents > 0);
GRANT SELECT ON TABLE shop.big_orders TO billing_svc;

-- migrate:down
DROP INDEX shop.big_orders_total_cents_idx;
-- destructive: drops a table and its rows (shop.big_orders)
DROP TABLE shop.big_orders;
CREATE MATERIALIZED VIEW shop.big_orders AS
SELECT orders.id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.total_cents > 10000;
CREATE UNIQUE INDEX big_orders_id_idx ON shop.big_orders USING btree (id);
COMMENT ON INDEX shop.big_orders_id_idx IS 'One row per order';
CREATE INDEX big_orders_total_cents_idx ON shop.big_orders USING btree (total_cents);
GRANT SELECT ON TABLE shop.big_orders TO billing_svc;
