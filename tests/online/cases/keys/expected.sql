== keys_concurrent.sql
-- migrate:up transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS shop.customers_email_key;
CREATE UNIQUE INDEX CONCURRENTLY customers_email_key ON shop.customers USING btree (email);
DROP INDEX CONCURRENTLY IF EXISTS shop.events_pkey;
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON shop.events USING btree (id);

-- migrate:down transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS shop.events_pkey;
DROP INDEX CONCURRENTLY IF EXISTS shop.customers_email_key;
== keys_validate.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE USING INDEX customers_email_key;
ALTER TABLE shop.events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.events DROP CONSTRAINT events_pkey;
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
