-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ADD COLUMN plan text NOT NULL;
