-- migrate:up
DROP VIEW shop.big_totals;
DROP VIEW shop.order_totals;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE bigint USING total_cents::bigint;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE VIEW shop.order_totals AS
SELECT orders.customer_id,
    orders.total_cents,
    orders.note
   FROM shop.orders;
CREATE VIEW shop.big_totals AS
SELECT order_totals.customer_id
   FROM shop.order_totals
  WHERE order_totals.total_cents > 1000;

-- migrate:down
DROP VIEW shop.big_totals;
DROP VIEW shop.order_totals;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
-- destructive: changes a column's type to one that may not hold every value (shop.orders.total_cents)
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE integer USING total_cents::integer;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE VIEW shop.order_totals AS
SELECT orders.customer_id,
    orders.total_cents,
    orders.note
   FROM shop.orders;
CREATE VIEW shop.big_totals AS
SELECT order_totals.customer_id
   FROM shop.order_totals
  WHERE order_totals.total_cents > 1000;
