-- migrate:up
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;

-- migrate:down
ALTER TABLE shop.orders DISABLE ROW LEVEL SECURITY;
