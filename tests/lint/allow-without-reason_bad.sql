-- migrate:up
SET LOCAL lock_timeout = '2s';
-- verifier:allow drop-table
DROP TABLE lint.orders;
