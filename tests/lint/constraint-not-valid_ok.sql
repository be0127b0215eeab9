-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
ALTER TABLE lint.orders ADD CONSTRAINT orders_account_fk
  FOREIGN KEY (account_id) REFERENCES lint.accounts (id) NOT VALID;
CREATE TABLE lint.fresh (id bigint PRIMARY KEY, account_id bigint);
ALTER TABLE lint.fresh ADD FOREIGN KEY (account_id) REFERENCES lint.accounts (id);
-- A new column that is all NULL: its key is checked without a scan.
ALTER TABLE lint.orders ADD COLUMN account3_id bigint REFERENCES lint.accounts (id);
