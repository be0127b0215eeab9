-- migrate:up
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE NULLS NOT DISTINCT (email);
CREATE UNIQUE INDEX orders_customer_id_note_idx ON shop.orders USING btree (customer_id, note) NULLS NOT DISTINCT;

-- migrate:down
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
DROP INDEX shop.orders_customer_id_note_idx;
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE (email);
