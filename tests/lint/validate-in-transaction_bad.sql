-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
ALTER TABLE lint.orders VALIDATE CONSTRAINT orders_total_check;
