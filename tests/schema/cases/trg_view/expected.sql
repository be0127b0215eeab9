-- migrate:up
DROP VIEW shop.open_orders;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE bigint USING total_cents::bigint;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE VIEW shop.open_orders AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.status = 'new'::shop.status;
CREATE TRIGGER open_orders_insert INSTEAD OF INSERT ON shop.open_orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
DROP VIEW shop.open_orders;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
-- destructive: changes a column's type to one that may not hold every value (shop.orders.total_cents)
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE integer USING total_cents::integer;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
CREATE VIEW shop.open_orders AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.status = 'new'::shop.status;
CREATE TRIGGER open_orders_insert INSTEAD OF INSERT ON shop.open_orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
