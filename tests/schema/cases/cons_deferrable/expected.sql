-- migrate:up
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
ALTER TABLE shop.orders DROP CONSTRAINT orders_pkey;
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE (email) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE shop.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id) DEFERRABLE;

-- migrate:down
ALTER TABLE shop.customers DROP CONSTRAINT customers_email_key;
ALTER TABLE shop.orders DROP CONSTRAINT orders_pkey;
ALTER TABLE shop.customers ADD CONSTRAINT customers_email_key UNIQUE (email);
ALTER TABLE shop.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
