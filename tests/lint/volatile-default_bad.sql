-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ADD COLUMN token uuid DEFAULT gen_random_uuid();
