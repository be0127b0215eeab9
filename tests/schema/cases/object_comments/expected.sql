-- migrate:up
CREATE SEQUENCE shop.batches AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
CREATE INDEX orders_customer_id_idx ON shop.orders USING btree (customer_id);
COMMENT ON TYPE shop.status IS 'Where an order stands';
COMMENT ON SEQUENCE shop.batches IS 'New, with its comment';
COMMENT ON SEQUENCE shop.tokens IS 'Numbers for tokens';
COMMENT ON INDEX shop.orders_status_idx IS 'Orders by status';
COMMENT ON INDEX shop.orders_customer_id_idx IS 'New index, it''s commented';

-- migrate:down
DROP INDEX shop.orders_customer_id_idx;
DROP SEQUENCE IF EXISTS shop.batches;
COMMENT ON TYPE shop.status IS NULL;
COMMENT ON SEQUENCE shop.tokens IS NULL;
COMMENT ON INDEX shop.orders_status_idx IS NULL;
