-- migrate:up
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_insert ON shop.orders FOR INSERT TO billing_svc
  WITH CHECK ((total_cents >= 0) AND (note IS NULL));
CREATE POLICY orders_no_void ON shop.orders AS RESTRICTIVE FOR SELECT TO auth_svc, billing_svc
  USING (status <> 'void'::shop.status);
COMMENT ON POLICY orders_no_void ON shop.orders IS 'Void orders stay hidden';
CREATE POLICY orders_tenant ON shop.orders
  USING (customer_id = (current_setting('app.customer'::text))::bigint);

-- migrate:down
DROP POLICY orders_insert ON shop.orders;
DROP POLICY orders_no_void ON shop.orders;
DROP POLICY orders_tenant ON shop.orders;
ALTER TABLE shop.orders DISABLE ROW LEVEL SECURITY;
