-- migrate:up
DROP POLICY orders_insert ON shop.orders;
-- destructive: drops a column and its values (shop.orders.note)
ALTER TABLE shop.orders DROP COLUMN note;
CREATE POLICY orders_insert ON shop.orders FOR INSERT TO billing_svc
  WITH CHECK (total_cents >= 0);

-- migrate:down
ALTER TABLE shop.orders ADD COLUMN note text;
ALTER POLICY orders_insert ON shop.orders
  WITH CHECK ((total_cents >= 0) AND (note IS NULL));
COMMENT ON COLUMN shop.orders.note IS 'Free text';
