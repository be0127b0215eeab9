-- migrate:up
ALTER TABLE shop.orders ADD COLUMN updated_at timestamp with time zone;
CREATE PROCEDURE shop.mark_paid(IN order_id bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'shop'
AS $procedure$BEGIN
  UPDATE shop.orders SET status = 'paid' WHERE id = order_id;
END
$procedure$;
CREATE FUNCTION shop.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$function$;
COMMENT ON FUNCTION shop.touch() IS 'Sets updated_at';
CREATE FUNCTION shop.add_cents(a integer, b integer DEFAULT 0)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
RETURN (a + b);
CREATE FUNCTION shop.order_total(order_id bigint)
 RETURNS integer
 LANGUAGE sql
 STABLE STRICT
AS $function$SELECT total_cents FROM shop.orders WHERE id = order_id
$function$;

-- migrate:down
DROP FUNCTION shop.add_cents(a integer, b integer);
-- destructive: drops a column and its values (shop.orders.updated_at)
ALTER TABLE shop.orders DROP COLUMN updated_at;
DROP PROCEDURE shop.mark_paid(IN order_id bigint);
DROP FUNCTION shop.order_total(order_id bigint);
DROP FUNCTION shop.touch();
