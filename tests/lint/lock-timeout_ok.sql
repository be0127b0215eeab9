-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ADD COLUMN nickname text;
ALTER TABLE lint.orders VALIDATE CONSTRAINT orders_total_check;
