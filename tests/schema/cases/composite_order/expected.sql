-- migrate:up
CREATE TYPE shop.address__vf_new AS (street text, country character(2), city character varying(60), zip shop.email_address);
ALTER TABLE shop.customers ALTER COLUMN ship_to TYPE shop.address__vf_new USING ROW((ship_to).street::text, NULL::character(2), (ship_to).city::character varying(60), (ship_to).zip::shop.email_address)::shop.address__vf_new;
ALTER TABLE shop.customers ALTER COLUMN old_addresses TYPE shop.address__vf_new[] USING old_addresses::text::shop.address__vf_new[];
DROP TYPE shop.address;
ALTER TYPE shop.address__vf_new RENAME TO address;
COMMENT ON TYPE shop.address IS 'Where to ship';
CREATE TYPE shop.pair__vf_new AS (c date, a integer, b text);
DROP TYPE shop.pair;
ALTER TYPE shop.pair__vf_new RENAME TO pair;

-- migrate:down
CREATE TYPE shop.pair__vf_new AS (a integer, b text, c date);
DROP TYPE shop.pair;
ALTER TYPE shop.pair__vf_new RENAME TO pair;
-- destructive: drops an attribute and its values (shop.address.country)
ALTER TYPE shop.address DROP ATTRIBUTE country;
