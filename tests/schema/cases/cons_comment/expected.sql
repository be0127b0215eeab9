-- migrate:up
ALTER TABLE shop.orders ADD CONSTRAINT orders_status_known CHECK ((status IS NOT NULL));
COMMENT ON CONSTRAINT orders_customer_id_fkey ON shop.orders IS 'An order''s customer';
COMMENT ON CONSTRAINT orders_total_cents_check ON shop.orders IS 'Never negative, in cents';
COMMENT ON CONSTRAINT orders_status_known ON shop.orders IS 'Every order has a status';

-- migrate:down
ALTER TABLE shop.orders DROP CONSTRAINT orders_status_known;
COMMENT ON CONSTRAINT orders_customer_id_fkey ON shop.orders IS NULL;
COMMENT ON CONSTRAINT orders_total_cents_check ON shop.orders IS 'Never negative';
