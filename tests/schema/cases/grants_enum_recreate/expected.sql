-- migrate:up
-- destructive: removes enum values; rows holding them make this fail (shop.status)
ALTER TYPE shop.status RENAME TO status__vf_old;
CREATE TYPE shop.status AS ENUM ('new', 'paid');
ALTER TABLE shop.orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN status TYPE shop.status USING status::text::shop.status;
ALTER TABLE shop.orders ALTER COLUMN status SET DEFAULT 'new'::shop.status;
GRANT USAGE ON TYPE shop.status TO billing_svc WITH GRANT OPTION;
DROP TYPE shop.status__vf_old;

-- migrate:down
ALTER TYPE shop.status ADD VALUE 'void';
