-- migrate:up
ALTER TABLE shop.orders FORCE ROW LEVEL SECURITY;

-- migrate:down
ALTER TABLE shop.orders NO FORCE ROW LEVEL SECURITY;
