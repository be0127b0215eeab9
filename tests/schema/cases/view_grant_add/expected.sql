-- migrate:up
REVOKE SELECT ON TABLE shop.order_stats FROM auth_svc;
CREATE MATERIALIZED VIEW shop.paid_orders AS
SELECT orders.id
   FROM shop.orders
  WHERE orders.status = 'paid'::shop.status;
GRANT SELECT ON TABLE shop.paid_orders TO billing_svc;
GRANT SELECT ON TABLE shop.big_orders TO PUBLIC;
GRANT INSERT, SELECT ON TABLE shop.big_orders TO billing_svc WITH GRANT OPTION;
GRANT SELECT ON TABLE shop.order_stats TO billing_svc;

-- migrate:down
REVOKE SELECT ON TABLE shop.big_orders FROM PUBLIC;
REVOKE INSERT, SELECT ON TABLE shop.big_orders FROM billing_svc;
REVOKE SELECT ON TABLE shop.order_stats FROM billing_svc;
DROP MATERIALIZED VIEW shop.paid_orders;
GRANT SELECT ON TABLE shop.order_stats TO auth_svc;
