-- migrate:up
SET LOCAL lock_timeout = '2s';
CLUSTER lint.orders USING orders_account_id_idx;
