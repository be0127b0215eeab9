-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.fresh (id bigint PRIMARY KEY);
CLUSTER lint.fresh USING fresh_pkey;
