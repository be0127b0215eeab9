-- migrate:up
ALTER TABLE shop.customers RENAME TO clients;
ALTER TABLE shop.clients RENAME CONSTRAINT customers_email_key TO clients_email_key;
ALTER TABLE shop.clients RENAME CONSTRAINT customers_pkey TO clients_pkey;
CREATE OR REPLACE VIEW shop.customer_names AS
SELECT clients.id,
    clients.name
   FROM shop.clients;

-- migrate:down
ALTER TABLE shop.clients RENAME TO customers;
ALTER TABLE shop.customers RENAME CONSTRAINT clients_email_key TO customers_email_key;
ALTER TABLE shop.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;
CREATE OR REPLACE VIEW shop.customer_names AS
SELECT customers.id,
    customers.name
   FROM shop.customers;
