-- migrate:up
SET LOCAL lock_timeout = '2s';
-- verifier:allow drop-column no release reads accounts.note since 2.4
ALTER TABLE lint.accounts DROP COLUMN note;
