-- migrate:up
CREATE TRIGGER orders_inserted AFTER INSERT ON shop.orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION suppress_redundant_updates_trigger();
CREATE TRIGGER orders_updated AFTER UPDATE ON shop.orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
DROP TRIGGER orders_inserted ON shop.orders;
DROP TRIGGER orders_updated ON shop.orders;
