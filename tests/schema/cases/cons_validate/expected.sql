-- migrate:up
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_customer_id_fkey;
COMMENT ON CONSTRAINT orders_total_cents_check ON shop.orders IS 'Validated now';

-- migrate:down
ALTER TABLE shop.orders DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0)) NOT VALID;
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE NOT VALID;
