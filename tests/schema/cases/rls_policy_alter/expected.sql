-- migrate:up
ALTER POLICY orders_insert ON shop.orders
  WITH CHECK ((total_cents > 0) AND (note IS NULL));
ALTER POLICY orders_no_void ON shop.orders TO billing_svc;
ALTER POLICY orders_tenant ON shop.orders
  USING (customer_id = (current_setting('app.customer'::text, true))::bigint);
ALTER POLICY orders_tenant ON shop.orders
  WITH CHECK (customer_id = (current_setting('app.customer'::text))::bigint);

-- migrate:down
DROP POLICY orders_tenant ON shop.orders;
CREATE POLICY orders_tenant ON shop.orders
  USING (customer_id = (current_setting('app.customer'::text))::bigint);
ALTER POLICY orders_insert ON shop.orders
  WITH CHECK ((total_cents >= 0) AND (note IS NULL));
ALTER POLICY orders_no_void ON shop.orders TO auth_svc, billing_svc;
