-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE lint.tags (id integer GENERATED ALWAYS AS IDENTITY, name text NOT NULL, PRIMARY KEY (id));
