-- migrate:up
DROP POLICY customers_open ON shop.customers;
DROP VIEW shop.open_orders;
CREATE VIEW shop.open_orders AS
SELECT orders.customer_id,
    orders.total_cents
   FROM shop.orders
  WHERE orders.status <> 'void'::shop.status;
CREATE POLICY customers_open ON shop.customers FOR SELECT
  USING (id IN ( SELECT open_orders.customer_id
   FROM shop.open_orders));

-- migrate:down
DROP POLICY customers_open ON shop.customers;
DROP VIEW shop.open_orders;
CREATE VIEW shop.open_orders AS
SELECT orders.id,
    orders.customer_id
   FROM shop.orders
  WHERE orders.status <> 'void'::shop.status;
CREATE POLICY customers_open ON shop.customers FOR SELECT
  USING (id IN ( SELECT open_orders.customer_id
   FROM shop.open_orders));
