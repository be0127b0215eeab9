-- migrate:up
ALTER TYPE shop.status ADD VALUE 'refunded';
DROP INDEX shop.orders_status_idx;
ALTER TABLE shop.customers RENAME TO clients;
ALTER TABLE shop.clients RENAME CONSTRAINT customers_email_key TO clients_email_key;
ALTER TABLE shop.clients RENAME CONSTRAINT customers_pkey TO clients_pkey;
-- destructive: drops a column and its values (shop.clients.age)
ALTER TABLE shop.clients DROP COLUMN age;
CREATE INDEX orders_status_customer_id_idx ON shop.orders USING btree (status, customer_id);

-- migrate:down
DROP INDEX shop.orders_status_customer_id_idx;
ALTER TABLE shop.clients RENAME TO customers;
ALTER TABLE shop.customers RENAME CONSTRAINT clients_email_key TO customers_email_key;
ALTER TABLE shop.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;
ALTER TABLE shop.customers ADD COLUMN age integer;
-- destructive: removes enum values; rows holding them make this fail (shop.status)
ALTER TYPE shop.status RENAME TO status__vf_old;
CREATE TYPE shop.status AS ENUM ('new', 'paid', 'void');
ALTER TABLE shop.orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN status TYPE shop.status USING status::text::shop.status;
ALTER TABLE shop.orders ALTER COLUMN status SET DEFAULT 'new'::shop.status;
DROP TYPE shop.status__vf_old;
CREATE INDEX orders_status_idx ON shop.orders USING btree (status);
