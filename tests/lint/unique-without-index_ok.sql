-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_idx;
