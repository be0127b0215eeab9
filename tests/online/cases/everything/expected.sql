== everything.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(200) USING email::character varying(200);
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0)) NOT VALID;
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customers(id) NOT VALID;

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers DROP CONSTRAINT IF EXISTS customers_email_not_null;
ALTER TABLE shop.orders DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
-- destructive: changes a column's type to one that may not hold every value (shop.customers.email)
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(100) USING email::character varying(100);
== everything_concurrent.sql
-- migrate:up transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS shop.customers_email_key;
CREATE UNIQUE INDEX CONCURRENTLY customers_email_key ON shop.customers USING btree (email);
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_customer_id_total_cents_idx;
CREATE INDEX CONCURRENTLY orders_customer_id_total_cents_idx ON shop.orders USING btree (customer_id, total_cents);

-- migrate:down transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS shop.orders_customer_id_total_cents_idx;
DROP INDEX CONCURRENTLY IF EXISTS shop.customers_email_key;
== everything_validate.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers VALIDATE CONSTRAINT customers_email_not_null;
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_customer_id_fkey;
ALTER TABLE shop.orders VALIDATE CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.customers ALTER COLUMN email SET NOT NULL;
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_not_null;
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE USING INDEX customers_email_key;

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
ALTER TABLE shop.customers ALTER COLUMN email DROP NOT NULL;
