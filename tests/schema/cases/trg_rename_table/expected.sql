-- migrate:up
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.orders RENAME TO purchases;
ALTER TABLE shop.purchases RENAME COLUMN total_cents TO amount_cents;
ALTER TABLE shop.purchases RENAME CONSTRAINT orders_customer_id_fkey TO purchases_customer_id_fkey;
ALTER TABLE shop.purchases RENAME CONSTRAINT orders_pkey TO purchases_pkey;
ALTER INDEX shop.orders_status_idx RENAME TO purchases_status_idx;
ALTER TABLE shop.purchases ADD CONSTRAINT purchases_amount_cents_check CHECK ((amount_cents >= 0));
CREATE OR REPLACE TRIGGER orders_total AFTER UPDATE OF amount_cents ON shop.purchases FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
ALTER TABLE shop.purchases DROP CONSTRAINT purchases_amount_cents_check;
ALTER TABLE shop.purchases RENAME TO orders;
ALTER TABLE shop.orders RENAME COLUMN amount_cents TO total_cents;
ALTER TABLE shop.orders RENAME CONSTRAINT purchases_customer_id_fkey TO orders_customer_id_fkey;
ALTER TABLE shop.orders RENAME CONSTRAINT purchases_pkey TO orders_pkey;
ALTER INDEX shop.purchases_status_idx RENAME TO orders_status_idx;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0));
CREATE OR REPLACE TRIGGER orders_total AFTER UPDATE OF total_cents ON shop.orders FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();
