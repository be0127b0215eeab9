-- migrate:up
DROP TRIGGER orders_check ON shop.orders;
CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT OR UPDATE ON shop.orders DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE CONSTRAINT TRIGGER orders_check_delete AFTER DELETE ON shop.orders DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
DROP TRIGGER orders_check ON shop.orders;
DROP TRIGGER orders_check_delete ON shop.orders;
CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT OR UPDATE ON shop.orders NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
