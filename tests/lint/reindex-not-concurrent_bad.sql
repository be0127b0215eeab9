-- migrate:up
SET LOCAL lock_timeout = '2s';
REINDEX INDEX lint.orders_account_id_idx;
