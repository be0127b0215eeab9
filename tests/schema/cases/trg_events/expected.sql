-- migrate:up
CREATE OR REPLACE TRIGGER orders_status AFTER INSERT OR UPDATE OF status, total_cents ON shop.orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
CREATE OR REPLACE TRIGGER orders_status AFTER UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
