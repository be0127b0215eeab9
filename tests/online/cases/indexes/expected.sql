== indexes_concurrent.sql
-- migrate:up transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_code_idx_new;
CREATE INDEX CONCURRENTLY orders_code_idx_new ON shop.orders USING btree (code, id);
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_code_idx;
ALTER INDEX shop.orders_code_idx_new RENAME TO orders_code_idx;
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_customer_id_idx;
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON shop.orders USING btree (customer_id);
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_note_idx;

-- migrate:down transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_note_idx;
CREATE INDEX CONCURRENTLY orders_note_idx ON shop.orders USING btree (note);
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_customer_id_idx;
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_code_idx_new;
CREATE INDEX CONCURRENTLY orders_code_idx_new ON shop.orders USING btree (code);
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_code_idx;
ALTER INDEX shop.orders_code_idx_new RENAME TO orders_code_idx;
