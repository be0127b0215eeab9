-- The tables the examples of tests/lint/ change: they exist (an earlier
-- file made them), so changing them is a hazard.
-- migrate:up
CREATE TYPE lint.mood AS ENUM ('happy', 'sad');
CREATE TABLE lint.accounts (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	email varchar(100),
	name varchar(50) NOT NULL,
	balance numeric(10,2) NOT NULL DEFAULT 0,
	note text,
	mood lint.mood,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE lint.orders (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id bigint NOT NULL,
	total integer NOT NULL
);
CREATE INDEX orders_account_id_idx ON lint.orders (account_id);
-- migrate:down
DROP TABLE lint.orders;
DROP TABLE lint.accounts;
DROP TYPE lint.mood;
