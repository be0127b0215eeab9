-- migrate:up
ALTER TABLE shop.orders RENAME COLUMN note TO memo;
ALTER POLICY orders_insert ON shop.orders
  WITH CHECK ((total_cents >= 0) AND (memo IS NULL));

-- migrate:down
ALTER TABLE shop.orders RENAME COLUMN memo TO note;
ALTER POLICY orders_insert ON shop.orders
  WITH CHECK ((total_cents >= 0) AND (note IS NULL));
