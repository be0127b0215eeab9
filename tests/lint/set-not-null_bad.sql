-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ALTER COLUMN email SET NOT NULL;
