== widen.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(200) USING email::character varying(200);

-- migrate:down
SET LOCAL lock_timeout = '2s';
-- destructive: changes a column's type to one that may not hold every value (shop.customers.email)
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(100) USING email::character varying(100);
