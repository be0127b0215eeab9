-- migrate:up
SELECT pg_catalog.set_config('lock_timeout', '1min', true);
ALTER TABLE lint.accounts ADD COLUMN nickname text;
