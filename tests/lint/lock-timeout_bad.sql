-- migrate:up
ALTER TABLE lint.accounts ADD COLUMN nickname text;
