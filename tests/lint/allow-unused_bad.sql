-- migrate:up
SET LOCAL lock_timeout = '2s';
-- verifier:allow drop-column nothing is dropped here
ALTER TABLE lint.accounts ADD COLUMN nickname text;
