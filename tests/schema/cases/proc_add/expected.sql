-- migrate:up
ALTER TABLE shop.orders ADD COLUMN updated_at timestamp with time zone;
CREATE PROCEDURE shop.archive_paid(IN before_id bigint, INOUT moved integer DEFAULT 0)
 LANGUAGE plpgsql
AS $procedure$BEGIN
  UPDATE shop.orders SET status = 'void'
   WHERE status = 'paid' AND id < before_id;
  GET DIAGNOSTICS moved = ROW_COUNT;
END
$procedure$;
COMMENT ON PROCEDURE shop.archive_paid(IN before_id bigint, INOUT moved integer) IS 'Voids paid orders below an id';
CREATE PROCEDURE shop.ping()
 LANGUAGE sql
AS $procedure$SELECT 1$procedure$;

-- migrate:down
-- destructive: drops a column and its values (shop.orders.updated_at)
ALTER TABLE shop.orders DROP COLUMN updated_at;
DROP PROCEDURE shop.archive_paid(IN before_id bigint, INOUT moved integer);
DROP PROCEDURE shop.ping();
