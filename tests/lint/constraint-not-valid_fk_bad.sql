-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.orders ADD CONSTRAINT orders_account_fk
  FOREIGN KEY (account_id) REFERENCES lint.accounts (id);
