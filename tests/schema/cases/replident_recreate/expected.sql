-- migrate:up
DROP INDEX shop.customers_name_idx;
CREATE UNIQUE INDEX customers_name_idx ON shop.customers USING btree (name) INCLUDE (age);
ALTER TABLE shop.orders REPLICA IDENTITY NOTHING;
ALTER TABLE shop.customers REPLICA IDENTITY USING INDEX customers_name_idx;

-- migrate:down
DROP INDEX shop.customers_name_idx;
CREATE UNIQUE INDEX customers_name_idx ON shop.customers USING btree (name);
ALTER TABLE shop.orders REPLICA IDENTITY FULL;
ALTER TABLE shop.customers REPLICA IDENTITY USING INDEX customers_name_idx;
