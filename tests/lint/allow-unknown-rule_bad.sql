-- migrate:up
SET LOCAL lock_timeout = '2s';
-- verifier:allow drop-tables the orders moved to billing
DROP TABLE lint.orders;
