== not_null.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_not_null CHECK (email IS NOT NULL) NOT VALID;

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers DROP CONSTRAINT IF EXISTS customers_email_not_null;
== not_null_validate.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers VALIDATE CONSTRAINT customers_email_not_null;
ALTER TABLE shop.customers ALTER COLUMN email SET NOT NULL;
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_not_null;

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers ALTER COLUMN email DROP NOT NULL;
