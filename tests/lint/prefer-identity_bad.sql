-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.tags (id bigserial PRIMARY KEY, name text NOT NULL);
