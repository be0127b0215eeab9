-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
