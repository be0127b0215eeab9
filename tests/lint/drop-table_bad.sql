-- migrate:up
SET LOCAL lock_timeout = '2s';
DROP TABLE lint.orders;
