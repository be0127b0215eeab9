-- migrate:up
ALTER TABLE shop.orders ADD COLUMN total_eur numeric GENERATED ALWAYS AS (((total_cents)::numeric / 100.0)) STORED NOT NULL;

-- migrate:down
-- destructive: drops a column and its values (shop.orders.total_eur)
ALTER TABLE shop.orders DROP COLUMN total_eur;
