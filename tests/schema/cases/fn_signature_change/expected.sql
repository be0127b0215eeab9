-- migrate:up
DROP VIEW shop.order_totals;
DROP FUNCTION shop.order_total(order_id bigint);
DROP FUNCTION shop.cents(amount integer);
CREATE FUNCTION shop.cents(amount integer, currency text DEFAULT 'EUR'::text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT (amount / 100.0)::text$function$;
CREATE FUNCTION shop.order_total(order_id bigint)
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$SELECT total_cents::bigint FROM shop.orders WHERE id = order_id
$function$;
CREATE VIEW shop.order_totals AS
SELECT orders.id,
    shop.order_total(orders.id) AS total,
    shop.cents(orders.total_cents) AS shown
   FROM shop.orders;

-- migrate:down
DROP VIEW shop.order_totals;
DROP FUNCTION shop.order_total(order_id bigint);
DROP FUNCTION shop.cents(amount integer, currency text);
CREATE FUNCTION shop.cents(amount integer)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT (amount / 100.0)::text$function$;
CREATE FUNCTION shop.order_total(order_id bigint)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$SELECT total_cents FROM shop.orders WHERE id = order_id
$function$;
CREATE VIEW shop.order_totals AS
SELECT orders.id,
    shop.order_total(orders.id) AS total,
    shop.cents(orders.total_cents) AS shown
   FROM shop.orders;
