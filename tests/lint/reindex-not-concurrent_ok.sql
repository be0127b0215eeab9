-- migrate:up transaction:false
SET lock_timeout = '2s';
REINDEX INDEX CONCURRENTLY lint.orders_account_id_idx;
