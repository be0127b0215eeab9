-- migrate:up
ALTER TABLE shop.orders ADD COLUMN code character varying(20) COLLATE "C";
ALTER TABLE shop.customers ALTER COLUMN name TYPE text COLLATE "C" USING name::text COLLATE "C";
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(120) COLLATE "POSIX" USING email::character varying(120) COLLATE "POSIX";

-- migrate:down
ALTER TABLE shop.customers ALTER COLUMN name TYPE text USING name::text;
-- destructive: changes a column's type to one that may not hold every value (shop.customers.email)
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(100) USING email::character varying(100);
-- destructive: drops a column and its values (shop.orders.code)
ALTER TABLE shop.orders DROP COLUMN code;
