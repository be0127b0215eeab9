-- migrate:up
DROP VIEW shop.big_totals;
DROP VIEW shop.order_totals;
-- destructive: drops a column and its values (shop.orders.note)
ALTER TABLE shop.orders DROP COLUMN note;
CREATE VIEW shop.order_totals AS
SELECT orders.customer_id,
    orders.total_cents
   FROM shop.orders;
CREATE VIEW shop.big_totals AS
SELECT order_totals.customer_id
   FROM shop.order_totals
  WHERE order_totals.total_cents > 1000;

-- migrate:down
ALTER TABLE shop.orders ADD COLUMN note text;
CREATE OR REPLACE VIEW shop.order_totals AS
SELECT orders.customer_id,
    orders.total_cents,
    orders.note
   FROM shop.orders;
COMMENT ON COLUMN shop.orders.note IS 'Free text';
