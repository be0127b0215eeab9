-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.fresh (id bigint PRIMARY KEY);
DROP TABLE lint.fresh;
