-- migrate:up
DROP INDEX shop.orders_code_idx;
ALTER TABLE shop.customers ALTER COLUMN name TYPE text COLLATE "POSIX" USING name::text COLLATE "POSIX";
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(200) COLLATE "POSIX" USING email::character varying(200) COLLATE "POSIX";
CREATE INDEX orders_code_idx ON shop.orders USING btree (code COLLATE "POSIX");
COMMENT ON INDEX shop.orders_code_idx IS 'Prefixes';

-- migrate:down
DROP INDEX shop.orders_code_idx;
ALTER TABLE shop.customers ALTER COLUMN name TYPE text COLLATE "C" USING name::text COLLATE "C";
-- destructive: changes a column's type to one that may not hold every value (shop.customers.email)
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(120) COLLATE "POSIX" USING email::character varying(120) COLLATE "POSIX";
CREATE INDEX orders_code_idx ON shop.orders USING btree (code varchar_pattern_ops);
COMMENT ON INDEX shop.orders_code_idx IS 'Prefixes';
