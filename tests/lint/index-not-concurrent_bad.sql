-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE INDEX accounts_email_idx ON lint.accounts (email);
