-- migrate:up
CREATE OR REPLACE VIEW shop.open_orders WITH (security_barrier = 'true') AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.status = ANY (ARRAY['new'::shop.status, 'void'::shop.status]);
COMMENT ON VIEW shop.open_orders IS 'Orders not yet paid or void';

-- migrate:down
DROP VIEW shop.open_orders;
CREATE VIEW shop.open_orders AS
SELECT orders.id,
    orders.customer_id
   FROM shop.orders
  WHERE orders.status = 'new'::shop.status;
COMMENT ON VIEW shop.open_orders IS 'Orders not yet paid';
