-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.fresh (id bigint PRIMARY KEY);
ALTER TABLE lint.fresh RENAME TO newer;
