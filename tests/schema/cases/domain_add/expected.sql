-- migrate:up
CREATE DOMAIN shop.cents AS integer DEFAULT 0 NOT NULL
	CONSTRAINT cents_check CHECK ((VALUE >= 0));
COMMENT ON DOMAIN shop.cents IS 'Money in cents';
CREATE DOMAIN shop.email_address AS character varying(100) COLLATE "C"
	CONSTRAINT has_at CHECK (((VALUE)::text ~~ '%@%'::text))
	CONSTRAINT not_blank CHECK ((length((VALUE)::text) > 3));
CREATE DOMAIN shop.state AS shop.status;
CREATE TYPE shop.address AS (street text, city character varying(60), zip shop.email_address);
COMMENT ON TYPE shop.address IS 'Where to ship';
CREATE DOMAIN shop.amounts AS shop.cents[];
ALTER TABLE shop.customers ADD COLUMN ship_to shop.address;
ALTER TABLE shop.customers ADD COLUMN old_addresses shop.address[];
ALTER TABLE shop.orders ADD COLUMN refund shop.cents;
ALTER TABLE shop.orders ADD COLUMN parts shop.amounts;

-- migrate:down
-- destructive: drops a column and its values (shop.customers.old_addresses)
ALTER TABLE shop.customers DROP COLUMN old_addresses;
-- destructive: drops a column and its values (shop.customers.ship_to)
ALTER TABLE shop.customers DROP COLUMN ship_to;
-- destructive: drops a column and its values (shop.orders.parts)
ALTER TABLE shop.orders DROP COLUMN parts;
-- destructive: drops a column and its values (shop.orders.refund)
ALTER TABLE shop.orders DROP COLUMN refund;
DROP DOMAIN shop.amounts;
DROP DOMAIN shop.cents;
DROP DOMAIN shop.state;
DROP TYPE shop.address;
DROP DOMAIN shop.email_address;
