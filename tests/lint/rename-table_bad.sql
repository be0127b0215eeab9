-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.orders RENAME TO purchases;
