-- migrate:up
SET LOCAL lock_timeout = '2s';
-- verifier:allow drop-table the orders moved to billing
DROP TABLE lint.orders;
