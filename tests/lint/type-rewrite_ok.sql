-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ALTER COLUMN email TYPE varchar(200);
ALTER TABLE lint.accounts ALTER COLUMN email TYPE varchar;
ALTER TABLE lint.accounts ALTER COLUMN name TYPE text;
ALTER TABLE lint.accounts ALTER COLUMN balance TYPE numeric(12,2);
