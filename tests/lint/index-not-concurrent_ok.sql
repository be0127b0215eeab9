-- migrate:up transaction:false
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY accounts_email_idx ON lint.accounts (email);
DROP INDEX CONCURRENTLY lint.orders_account_id_idx;
CREATE TABLE lint.fresh (id bigint PRIMARY KEY, v text);
CREATE INDEX fresh_v_idx ON lint.fresh (v);
DROP INDEX lint.fresh_v_idx;
