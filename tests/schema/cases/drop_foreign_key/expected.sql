-- migrate:up
ALTER TABLE shop.orders DROP CONSTRAINT orders_customer_id_fkey;

-- migrate:down
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE;
