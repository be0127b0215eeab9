-- migrate:up
ALTER TABLE shop.orders ADD COLUMN updated_at timestamp with time zone;
CREATE FUNCTION shop.split_cents(amount integer, OUT whole integer, OUT cents integer)
 RETURNS record
 LANGUAGE plpgsql
AS $function$BEGIN
  whole := amount / 100;
  cents := amount % 100;
END
$function$;
CREATE FUNCTION shop.add_cents(a bigint, b bigint)
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT a + b$function$;
CREATE FUNCTION shop.add_cents(a integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT a$function$;
CREATE FUNCTION shop.add_cents(a integer, b integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT a + b$function$;
CREATE FUNCTION shop.open_ids()
 RETURNS SETOF bigint
 LANGUAGE sql
 ROWS 50
AS $function$SELECT id FROM shop.orders WHERE status = 'new'$function$;
CREATE FUNCTION shop.open_orders(since bigint DEFAULT 0)
 RETURNS TABLE(id bigint, status shop.status)
 LANGUAGE sql
 STABLE
AS $function$SELECT id, status FROM shop.orders WHERE id > since$function$;
CREATE FUNCTION shop.sum_all(VARIADIC v integer[])
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT sum(x) FROM unnest(v) AS x$function$;

-- migrate:down
-- destructive: drops a column and its values (shop.orders.updated_at)
ALTER TABLE shop.orders DROP COLUMN updated_at;
DROP FUNCTION shop.add_cents(a bigint, b bigint);
DROP FUNCTION shop.add_cents(a integer);
DROP FUNCTION shop.add_cents(a integer, b integer);
DROP FUNCTION shop.open_ids();
DROP FUNCTION shop.open_orders(since bigint);
DROP FUNCTION shop.split_cents(amount integer, OUT whole integer, OUT cents integer);
DROP FUNCTION shop.sum_all(VARIADIC v integer[]);
