-- migrate:up
DROP VIEW shop.order_amounts;
DROP FUNCTION shop.order_cents(order_id bigint);
DROP FUNCTION shop.cents(a integer);
CREATE FUNCTION shop.cents(a integer)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
RETURN ((a)::bigint * 100);
CREATE FUNCTION shop.order_cents(order_id bigint)
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT shop.cents(orders.total_cents) AS cents
    FROM shop.orders
   WHERE (orders.id = order_cents.order_id);
END;
CREATE VIEW shop.order_amounts AS
SELECT orders.id,
    shop.order_cents(orders.id) AS cents
   FROM shop.orders;

-- migrate:down
DROP VIEW shop.order_amounts;
DROP FUNCTION shop.order_cents(order_id bigint);
DROP FUNCTION shop.cents(a integer);
CREATE FUNCTION shop.cents(a integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
RETURN (a * 100);
CREATE FUNCTION shop.order_cents(order_id bigint)
 RETURNS integer
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT shop.cents(orders.total_cents) AS cents
    FROM shop.orders
   WHERE (orders.id = order_cents.order_id);
END;
CREATE VIEW shop.order_amounts AS
SELECT orders.id,
    shop.order_cents(orders.id) AS cents
   FROM shop.orders;
