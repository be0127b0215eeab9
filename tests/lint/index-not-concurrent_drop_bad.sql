-- migrate:up
SET LOCAL lock_timeout = '2s';
DROP INDEX lint.orders_account_id_idx;
