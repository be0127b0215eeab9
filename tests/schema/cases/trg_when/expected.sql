-- migrate:up
DROP TRIGGER orders_total ON shop.orders;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE bigint USING total_cents::bigint;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE TRIGGER orders_total BEFORE UPDATE ON shop.orders FOR EACH ROW WHEN ((old.total_cents IS DISTINCT FROM new.total_cents)) EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE OR REPLACE TRIGGER orders_status BEFORE UPDATE ON shop.orders FOR EACH ROW WHEN (((old.status <> new.status) AND (new.status = 'void'::shop.status))) EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
DROP TRIGGER orders_total ON shop.orders;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
-- destructive: changes a column's type to one that may not hold every value (shop.orders.total_cents)
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE integer USING total_cents::integer;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE TRIGGER orders_total BEFORE UPDATE ON shop.orders FOR EACH ROW WHEN ((old.total_cents IS DISTINCT FROM new.total_cents)) EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE OR REPLACE TRIGGER orders_status BEFORE UPDATE ON shop.orders FOR EACH ROW WHEN ((old.status <> new.status)) EXECUTE FUNCTION suppress_redundant_updates_trigger();
