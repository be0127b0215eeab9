-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts RENAME COLUMN note TO remark;
