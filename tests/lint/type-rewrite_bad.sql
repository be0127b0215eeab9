-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.orders ALTER COLUMN total TYPE bigint;
ALTER TABLE lint.accounts ALTER COLUMN balance TYPE numeric(10,3);
