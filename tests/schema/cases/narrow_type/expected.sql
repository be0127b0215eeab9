-- migrate:up
-- destructive: changes a column's type to one that may not hold every value (shop.customers.email)
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(50) USING email::character varying(50);

-- migrate:down
ALTER TABLE shop.customers ALTER COLUMN email TYPE character varying(100) USING email::character varying(100);
