-- migrate:up
CREATE TYPE billing.invoice_status AS ENUM ('draft', 'open', 'paid', 'void');

CREATE TABLE billing.customers (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name text NOT NULL,
	email text,
	owner_user_id bigint NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN billing.customers.owner_user_id IS 'auth user who created it (no FK: another schema)';
CREATE INDEX customers_owner_user_id_idx ON billing.customers (owner_user_id);

CREATE TABLE billing.invoices (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	customer_id bigint NOT NULL REFERENCES billing.customers (id) ON DELETE RESTRICT,
	amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
	currency char(3) NOT NULL DEFAULT 'EUR',
	status billing.invoice_status NOT NULL DEFAULT 'open',
	created_at timestamptz NOT NULL DEFAULT now(),
	paid_at timestamptz
);
CREATE INDEX invoices_customer_id_idx ON billing.invoices (customer_id);
CREATE INDEX invoices_status_idx ON billing.invoices (status, id);

-- migrate:down
DROP TABLE billing.invoices;
DROP TABLE billing.customers;
DROP TYPE billing.invoice_status;
