-- migrate:up
ALTER TABLE shop.orders ALTER CONSTRAINT orders_customer_id_fkey DEFERRABLE INITIALLY DEFERRED;
COMMENT ON CONSTRAINT orders_customer_id_fkey ON shop.orders IS 'Checked at commit';

-- migrate:down
ALTER TABLE shop.orders ALTER CONSTRAINT orders_customer_id_fkey NOT DEFERRABLE;
COMMENT ON CONSTRAINT orders_customer_id_fkey ON shop.orders IS NULL;
