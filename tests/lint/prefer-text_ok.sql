-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.codes (code text PRIMARY KEY CHECK (length(code) = 2));
