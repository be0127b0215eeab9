-- migrate:up
DROP POLICY orders_no_void ON shop.orders;
-- destructive: removes enum values; rows holding them make this fail (shop.status)
ALTER TYPE shop.status RENAME TO status__vf_old;
CREATE TYPE shop.status AS ENUM ('new', 'paid');
ALTER TABLE shop.orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN status TYPE shop.status USING status::text::shop.status;
ALTER TABLE shop.orders ALTER COLUMN status SET DEFAULT 'new'::shop.status;
DROP TYPE shop.status__vf_old;
CREATE POLICY orders_no_void ON shop.orders AS RESTRICTIVE FOR SELECT TO auth_svc, billing_svc
  USING (status <> 'paid'::shop.status);
COMMENT ON POLICY orders_no_void ON shop.orders IS 'Void orders stay hidden';

-- migrate:down
ALTER TYPE shop.status ADD VALUE 'void';
