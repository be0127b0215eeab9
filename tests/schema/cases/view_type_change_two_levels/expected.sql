-- migrate:up
DROP VIEW shop.customer_totals;
DROP VIEW shop.order_totals;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE bigint USING total_cents::bigint;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE VIEW shop.order_totals AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders;
CREATE VIEW shop.customer_totals AS
SELECT order_totals.customer_id,
    sum(order_totals.total_cents) AS total
   FROM shop.order_totals
  GROUP BY order_totals.customer_id;

-- migrate:down
DROP VIEW shop.customer_totals;
DROP VIEW shop.order_totals;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
-- destructive: changes a column's type to one that may not hold every value (shop.orders.total_cents)
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE integer USING total_cents::integer;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE VIEW shop.order_totals AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders;
CREATE VIEW shop.customer_totals AS
SELECT order_totals.customer_id,
    sum(order_totals.total_cents) AS total
   FROM shop.order_totals
  GROUP BY order_totals.customer_id;
