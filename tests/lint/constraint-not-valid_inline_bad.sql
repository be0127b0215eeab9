-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.orders ADD COLUMN qty integer CHECK (qty > 0);
ALTER TABLE lint.orders ADD COLUMN account2_id bigint DEFAULT 1 REFERENCES lint.accounts (id);
