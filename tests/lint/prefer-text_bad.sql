-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.codes (code char(2) PRIMARY KEY);
