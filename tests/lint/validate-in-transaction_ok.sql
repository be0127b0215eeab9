-- A transaction:false file commits each statement: the ADD's lock is gone
-- before the VALIDATE scans.
-- migrate:up transaction:false
SET lock_timeout = '2s';
ALTER TABLE lint.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
ALTER TABLE lint.orders VALIDATE CONSTRAINT orders_total_check;
