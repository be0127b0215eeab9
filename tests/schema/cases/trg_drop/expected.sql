-- migrate:up
DROP VIEW shop.open_orders;
DROP TRIGGER orders_noop ON shop.orders;
DROP TRIGGER orders_status ON shop.orders;

-- migrate:down
CREATE VIEW shop.open_orders AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.status = 'new'::shop.status;
CREATE TRIGGER open_orders_insert INSTEAD OF INSERT ON shop.open_orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE TRIGGER orders_noop BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
COMMENT ON TRIGGER orders_noop ON shop.orders IS 'Skips updates that change nothing';
CREATE TRIGGER orders_status AFTER UPDATE OF status ON shop.orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
