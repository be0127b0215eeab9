-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';
CREATE TABLE lint.fresh (id bigint PRIMARY KEY);
ALTER TABLE lint.fresh ADD COLUMN v text NOT NULL;
