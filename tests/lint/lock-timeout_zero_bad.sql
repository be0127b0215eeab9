-- migrate:up
SET LOCAL lock_timeout = 0;
ALTER TABLE lint.accounts ADD COLUMN nickname text;
