-- migrate:up
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 100;

-- migrate:down
ALTER TABLE shop.orders ALTER COLUMN total_cents SET DEFAULT 0;
