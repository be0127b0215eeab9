-- migrate:up
ALTER TABLE shop.orders ADD COLUMN updated_at timestamp with time zone DEFAULT now() NOT NULL;
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

-- migrate:down
DROP TRIGGER orders_touch ON shop.orders;
-- destructive: drops a column and its values (shop.orders.updated_at)
ALTER TABLE shop.orders DROP COLUMN updated_at;
DROP FUNCTION shop.touch();
