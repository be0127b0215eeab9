== check_fk.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0)) NOT VALID;
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) NOT VALID;

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.orders DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
== check_fk_validate.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_customer_id_fkey;
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_total_cents_check;

-- migrate:down
SET LOCAL lock_timeout = '2s';
