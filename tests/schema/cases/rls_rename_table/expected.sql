-- migrate:up
ALTER TABLE shop.orders RENAME TO purchases;
ALTER TABLE shop.purchases RENAME CONSTRAINT orders_customer_id_fkey TO purchases_customer_id_fkey;
ALTER TABLE shop.purchases RENAME CONSTRAINT orders_pkey TO purchases_pkey;
ALTER TABLE shop.purchases RENAME CONSTRAINT orders_total_cents_check TO purchases_total_cents_check;
ALTER INDEX shop.orders_status_idx RENAME TO purchases_status_idx;

-- migrate:down
ALTER TABLE shop.purchases RENAME TO orders;
ALTER TABLE shop.orders RENAME CONSTRAINT purchases_customer_id_fkey TO orders_customer_id_fkey;
ALTER TABLE shop.orders RENAME CONSTRAINT purchases_pkey TO orders_pkey;
ALTER TABLE shop.orders RENAME CONSTRAINT purchases_total_cents_check TO orders_total_cents_check;
ALTER INDEX shop.purchases_status_idx RENAME TO orders_status_idx;
