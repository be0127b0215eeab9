-- migrate:up
DROP VIEW shop.big_orders;
CREATE TABLE shop.big_orders (
	id bigint NOT NULL,
	note text NOT NULL
);
CREATE INDEX big_orders_note_idx ON shop.big_orders USING btree (note);
GRANT INSERT, SELECT ON TABLE shop.big_orders TO billing_svc;

-- migrate:down
-- destructive: drops a table and its rows (shop.big_orders)
DROP TABLE shop.big_orders;
CREATE VIEW shop.big_orders AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.total_cents > 10000;
GRANT SELECT ON TABLE shop.big_orders TO billing_svc;
