-- migrate:up
CREATE TRIGGER orders_changed AFTER INSERT OR DELETE OR UPDATE ON shop.orders FOR EACH STATEMENT EXECUTE FUNCTION suppress_redundant_updates_trigger('orders', 'it''s');
CREATE TRIGGER orders_truncate BEFORE TRUNCATE ON shop.orders FOR EACH STATEMENT EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
DROP TRIGGER orders_changed ON shop.orders;
DROP TRIGGER orders_truncate ON shop.orders;
