-- migrate:up
CREATE DOMAIN shop.cents AS integer DEFAULT 0;
CREATE DOMAIN shop.email_address AS character varying(100)
	CONSTRAINT email_address_check CHECK (((VALUE)::text ~~ '%@%'::text));
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.customers ALTER COLUMN email TYPE shop.email_address USING email::shop.email_address;
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE shop.cents USING total_cents::shop.cents;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK (((total_cents)::integer >= 0));

-- migrate:down
ALTER TABLE shop.orders DROP CONSTRAINT orders_total_cents_check;
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(100) USING email::character varying(100);
ALTER TABLE shop.orders ALTER COLUMN total_cents DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN total_cents TYPE integer USING total_cents::integer;
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
DROP DOMAIN shop.cents;
DROP DOMAIN shop.email_address;
ALTER TABLE shop.orders ADD CONSTRAINT orders_total_cents_check CHECK ((total_cents >= 0));
