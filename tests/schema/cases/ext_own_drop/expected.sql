-- migrate:up
-- destructive: drops a column and its values (shop.customers.attrs)
ALTER TABLE shop.customers DROP COLUMN attrs;
-- destructive: drops a column and its values (shop.customers.token)
ALTER TABLE shop.customers DROP COLUMN token;
-- destructive: drops an extension and what uses its objects (shop.hstore)
DROP EXTENSION hstore;
-- destructive: drops an extension and what uses its objects (shop.uuid-ossp)
DROP EXTENSION "uuid-ossp";

-- migrate:down
CREATE EXTENSION IF NOT EXISTS hstore SCHEMA shop;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA shop;
ALTER TABLE shop.customers ADD COLUMN attrs shop.hstore;
ALTER TABLE shop.customers ADD COLUMN token uuid DEFAULT shop.uuid_generate_v4() NOT NULL;
