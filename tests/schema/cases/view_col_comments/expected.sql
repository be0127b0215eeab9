-- migrate:up
CREATE VIEW shop.paid_orders AS
SELECT orders.id
   FROM shop.orders
  WHERE orders.status = 'paid'::shop.status;
COMMENT ON COLUMN shop.paid_orders.id IS 'A paid order';
COMMENT ON COLUMN shop.big_orders.customer_id IS 'Who ordered';
COMMENT ON COLUMN shop.big_orders.total_cents IS 'Total, in cents: over 100 EUR';
COMMENT ON COLUMN shop.big_orders.id IS NULL;
COMMENT ON COLUMN shop.order_stats.n IS 'Orders of that status, it''s a count';

-- migrate:down
DROP VIEW shop.paid_orders;
COMMENT ON COLUMN shop.big_orders.id IS 'The order';
COMMENT ON COLUMN shop.big_orders.total_cents IS 'In cents';
COMMENT ON COLUMN shop.big_orders.customer_id IS NULL;
COMMENT ON COLUMN shop.order_stats.n IS NULL;
