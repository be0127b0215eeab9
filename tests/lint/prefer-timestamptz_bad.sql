-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.events (id bigint PRIMARY KEY, at timestamp NOT NULL);
