-- migrate:up
COMMENT ON TABLE shop.customers IS 'People we bill, and their email';
COMMENT ON COLUMN shop.orders.note IS NULL;

-- migrate:down
COMMENT ON TABLE shop.customers IS 'People we bill';
COMMENT ON COLUMN shop.orders.note IS 'Free text';
