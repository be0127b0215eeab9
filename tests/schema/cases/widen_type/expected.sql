-- migrate:up
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(200) USING email::character varying(200);
ALTER TABLE shop.customers ALTER COLUMN age TYPE bigint USING age::bigint;

-- migrate:down
-- destructive: changes a column's type to one that may not hold every value (shop.customers.email)
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(100) USING email::character varying(100);
-- destructive: changes a column's type to one that may not hold every value (shop.customers.age)
ALTER TABLE shop.customers ALTER COLUMN age TYPE integer USING age::integer;
