-- migrate:up
DROP POLICY orders_insert ON shop.orders;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE bigint USING total_cents::bigint;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE POLICY orders_insert ON shop.orders FOR INSERT TO billing_svc
  WITH CHECK ((total_cents >= 0) AND (note IS NULL));

-- migrate:down
DROP POLICY orders_insert ON shop.orders;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
-- destructive: changes a column's type to one that may not hold every value (shop.orders.total_cents)
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE integer USING total_cents::integer;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE POLICY orders_insert ON shop.orders FOR INSERT TO billing_svc
  WITH CHECK ((total_cents >= 0) AND (note IS NULL));
