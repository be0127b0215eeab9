-- migrate:up
CREATE OR REPLACE PROCEDURE shop.mark_paid(IN order_id bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'shop', 'pg_catalog'
 SET lock_timeout TO '5s'
AS $procedure$BEGIN
  UPDATE shop.orders SET status = 'paid' WHERE id = order_id;
END
$procedure$;
CREATE OR REPLACE FUNCTION shop.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END
$function$;
CREATE OR REPLACE FUNCTION shop.order_total(order_id bigint)
 RETURNS integer
 LANGUAGE sql
 STABLE COST 50
AS $function$SELECT total_cents FROM shop.orders WHERE id = order_id
$function$;
COMMENT ON FUNCTION shop.touch() IS 'Sets updated_at to the time of the change';

-- migrate:down
CREATE OR REPLACE PROCEDURE shop.mark_paid(IN order_id bigint)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'shop'
AS $procedure$BEGIN
  UPDATE shop.orders SET status = 'paid' WHERE id = order_id;
END
$procedure$;
CREATE OR REPLACE FUNCTION shop.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$function$;
CREATE OR REPLACE FUNCTION shop.order_total(order_id bigint)
 RETURNS integer
 LANGUAGE sql
 STABLE STRICT
AS $function$SELECT total_cents FROM shop.orders WHERE id = order_id
$function$;
COMMENT ON FUNCTION shop.touch() IS 'Sets updated_at';
