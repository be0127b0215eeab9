-- migrate:up
ALTER TABLE shop.orders ENABLE REPLICA TRIGGER orders_a;
ALTER TABLE shop.orders ENABLE ALWAYS TRIGGER orders_b;
ALTER TABLE shop.orders DISABLE TRIGGER orders_noop;
COMMENT ON TRIGGER orders_noop ON shop.orders IS 'Off for the bulk load';

-- migrate:down
ALTER TABLE shop.orders ENABLE TRIGGER orders_a;
ALTER TABLE shop.orders DISABLE TRIGGER orders_b;
ALTER TABLE shop.orders ENABLE TRIGGER orders_noop;
COMMENT ON TRIGGER orders_noop ON shop.orders IS 'Skips updates that change nothing';
