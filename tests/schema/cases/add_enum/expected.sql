-- migrate:up
CREATE TYPE shop.tier AS ENUM ('free', 'pro');
ALTER TABLE shop.customers ADD COLUMN tier shop.tier[] DEFAULT '{free}'::shop.tier[] NOT NULL;

-- migrate:down
-- destructive: drops a column and its values (shop.customers.tier)
ALTER TABLE shop.customers DROP COLUMN tier;
DROP TYPE shop.tier;
