-- migrate:up
DROP VIEW shop.big_customers;
DROP VIEW shop.big_orders;
CREATE VIEW shop.big_orders AS
SELECT orders.id,
    orders.total_cents,
    orders.customer_id
   FROM shop.orders
  WHERE orders.total_cents > 10000;
CREATE VIEW shop.big_customers AS
SELECT DISTINCT big_orders.customer_id
   FROM shop.big_orders;
GRANT SELECT ON TABLE shop.big_customers TO auth_svc;
GRANT SELECT, UPDATE ON TABLE shop.big_orders TO billing_svc;

-- migrate:down
DROP VIEW shop.big_customers;
DROP VIEW shop.big_orders;
CREATE VIEW shop.big_orders AS
SELECT orders.id,
    orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.total_cents > 10000;
CREATE VIEW shop.big_customers AS
SELECT DISTINCT big_orders.customer_id
   FROM shop.big_orders;
GRANT SELECT ON TABLE shop.big_customers TO auth_svc;
GRANT SELECT ON TABLE shop.big_orders TO billing_svc;
