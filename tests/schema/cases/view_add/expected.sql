-- migrate:up
CREATE VIEW shop.adults WITH (check_option = 'cascaded', security_barrier = 'true', security_invoker = 'true') AS
SELECT customers.id,
    customers.name,
    customers.age
   FROM shop.customers
  WHERE customers.age >= 18;
CREATE VIEW shop.open_orders AS
SELECT o.id,
    o.customer_id,
    o.total_cents
   FROM shop.orders o
  WHERE o.status = 'new'::shop.status;
COMMENT ON VIEW shop.open_orders IS 'Orders not yet paid';
CREATE VIEW shop.customer_totals AS
SELECT c.id AS customer_id,
    c.name,
    sum(o.total_cents) AS total
   FROM shop.customers c
     JOIN shop.open_orders o ON o.customer_id = c.id
  GROUP BY c.id, c.name;

-- migrate:down
DROP VIEW shop.adults;
DROP VIEW shop.customer_totals;
DROP VIEW shop.open_orders;
