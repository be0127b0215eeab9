-- migrate:up
DROP TRIGGER orders_touch ON shop.orders;
DROP FUNCTION shop.touch();
CREATE FUNCTION shop.stamp()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END
$function$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.stamp();

-- migrate:down
DROP TRIGGER orders_touch ON shop.orders;
DROP FUNCTION shop.stamp();
CREATE FUNCTION shop.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$function$;
COMMENT ON FUNCTION shop.touch() IS 'Sets updated_at';
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
