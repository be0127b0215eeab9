-- migrate:up
DROP VIEW shop.big_totals;
DROP VIEW shop.order_totals;
DROP VIEW shop.unrelated;

-- migrate:down
CREATE VIEW shop.order_totals AS
SELECT orders.customer_id,
    orders.total_cents,
    orders.note
   FROM shop.orders;
CREATE VIEW shop.big_totals AS
SELECT order_totals.customer_id
   FROM shop.order_totals
  WHERE order_totals.total_cents > 1000;
CREATE VIEW shop.unrelated AS
SELECT customers.id,
    customers.name
   FROM shop.customers;
