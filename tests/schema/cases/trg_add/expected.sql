-- migrate:up
CREATE TRIGGER orders_noop BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
COMMENT ON TRIGGER orders_noop ON shop.orders IS 'Skips updates that change nothing';

-- migrate:down
DROP TRIGGER orders_noop ON shop.orders;
