-- migrate:up
-- not destructive: shop.cents_by_status is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.cents_by_status;
DROP VIEW shop.big_cents;
DROP VIEW shop.order_cents;
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
CREATE DOMAIN shop.cents__vf_new AS bigint;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE shop.cents__vf_new USING total_cents::shop.cents__vf_new;
DROP DOMAIN shop.cents;
ALTER DOMAIN shop.cents__vf_new RENAME TO cents;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK (((total_cents)::bigint >= 0));
CREATE MATERIALIZED VIEW shop.cents_by_status AS
SELECT orders.status,
    sum(orders.total_cents::bigint) AS total
   FROM shop.orders
  GROUP BY orders.status;
CREATE VIEW shop.order_cents AS
SELECT orders.id,
    orders.total_cents,
    orders.total_cents AS again
   FROM shop.orders;
CREATE VIEW shop.big_cents AS
SELECT order_cents.id
   FROM shop.order_cents
  WHERE order_cents.again::bigint > 1000;

-- migrate:down
-- not destructive: shop.cents_by_status is created again below, its rows computed again from its query (as REFRESH does)
DROP MATERIALIZED VIEW shop.cents_by_status;
DROP VIEW shop.big_cents;
DROP VIEW shop.order_cents;
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
-- destructive: changes a domain's base type to one that may not hold every value (shop.cents)
CREATE DOMAIN shop.cents__vf_new AS integer;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE shop.cents__vf_new USING total_cents::shop.cents__vf_new;
DROP DOMAIN shop.cents;
ALTER DOMAIN shop.cents__vf_new RENAME TO cents;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK (((total_cents)::integer >= 0));
CREATE MATERIALIZED VIEW shop.cents_by_status AS
SELECT orders.status,
    sum(orders.total_cents::integer) AS total
   FROM shop.orders
  GROUP BY orders.status;
CREATE VIEW shop.order_cents AS
SELECT orders.id,
    orders.total_cents,
    orders.total_cents AS again
   FROM shop.orders;
CREATE VIEW shop.big_cents AS
SELECT order_cents.id
   FROM shop.order_cents
  WHERE order_cents.again::integer > 1000;
