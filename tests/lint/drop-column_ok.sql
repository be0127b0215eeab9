-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.fresh (id bigint PRIMARY KEY, v text);
ALTER TABLE lint.fresh DROP COLUMN v;
