-- migrate:up
ALTER TABLE shop.customers ADD COLUMN city text DEFAULT 'Paris'::text NOT NULL;

-- migrate:down
-- destructive: drops a column and its values (shop.customers.city)
ALTER TABLE shop.customers DROP COLUMN city;
