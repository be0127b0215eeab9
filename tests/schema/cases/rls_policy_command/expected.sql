-- migrate:up
DROP POLICY orders_tenant ON shop.orders;
CREATE POLICY orders_tenant ON shop.orders FOR UPDATE
  USING (customer_id = (current_setting('app.customer'::text))::bigint);

-- migrate:down
DROP POLICY orders_tenant ON shop.orders;
CREATE POLICY orders_tenant ON shop.orders
  USING (customer_id = (current_setting('app.customer'::text))::bigint);
