-- migrate:up
DROP POLICY visible_rows ON shop.orders;
DROP VIEW shop.visible_orders;
DROP FUNCTION shop.visible(n integer);
CREATE FUNCTION shop.visible(n bigint)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$SELECT n >= 0$function$;
CREATE POLICY visible_rows ON shop.orders
  USING (shop.visible((total_cents)::bigint));
CREATE VIEW shop.visible_orders AS
SELECT orders.id,
    orders.total_cents
   FROM shop.orders
  WHERE shop.visible(orders.total_cents::bigint);

-- migrate:down
DROP POLICY visible_rows ON shop.orders;
DROP VIEW shop.visible_orders;
DROP FUNCTION shop.visible(n bigint);
CREATE FUNCTION shop.visible(n integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$SELECT n >= 0$function$;
CREATE POLICY visible_rows ON shop.orders
  USING (shop.visible(total_cents));
CREATE VIEW shop.visible_orders AS
SELECT orders.id,
    orders.total_cents
   FROM shop.orders
  WHERE shop.visible(orders.total_cents);
