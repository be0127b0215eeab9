-- migrate:up
COMMENT ON TYPE shop.pair IS 'Two values';
ALTER TYPE shop.pair ADD ATTRIBUTE d numeric(10,2);
ALTER TYPE shop.pair ALTER ATTRIBUTE a TYPE bigint;
CREATE TYPE shop.address__vf_new AS (street text, city character varying(100), zip shop.email_address, country character(2));
ALTER TABLE shop.customers ALTER COLUMN ship_to TYPE shop.address__vf_new USING ROW((ship_to).street::text, (ship_to).city::character varying(100), (ship_to).zip::shop.email_address, NULL::character(2))::shop.address__vf_new;
ALTER TABLE shop.customers ALTER COLUMN old_addresses TYPE shop.address__vf_new[] USING old_addresses::text::shop.address__vf_new[];
DROP TYPE shop.address;
ALTER TYPE shop.address__vf_new RENAME TO address;
COMMENT ON TYPE shop.address IS 'Where to ship';
-- destructive: drops an attribute and its values (shop.pair.c)
ALTER TYPE shop.pair DROP ATTRIBUTE c;

-- migrate:down
COMMENT ON TYPE shop.pair IS NULL;
ALTER TYPE shop.pair ADD ATTRIBUTE c date;
-- destructive: changes an attribute's type to one that may not hold every value (shop.pair.a)
ALTER TYPE shop.pair ALTER ATTRIBUTE a TYPE integer;
-- destructive: drops an attribute and its values (shop.address)
CREATE TYPE shop.address__vf_new AS (street text, city character varying(60), zip shop.email_address);
ALTER TABLE shop.customers ALTER COLUMN ship_to TYPE shop.address__vf_new USING ROW((ship_to).street::text, (ship_to).city::character varying(60), (ship_to).zip::shop.email_address)::shop.address__vf_new;
ALTER TABLE shop.customers ALTER COLUMN old_addresses TYPE shop.address__vf_new[] USING old_addresses::text::shop.address__vf_new[];
DROP TYPE shop.address;
ALTER TYPE shop.address__vf_new RENAME TO address;
COMMENT ON TYPE shop.address IS 'Where to ship';
-- destructive: drops an attribute and its values (shop.pair.d)
ALTER TYPE shop.pair DROP ATTRIBUTE d;
