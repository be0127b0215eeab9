-- migrate:up
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_id_note_key UNIQUE (customer_id, note);

-- migrate:down
ALTER TABLE shop.orders DROP CONSTRAINT orders_customer_id_note_key;
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE (email);
