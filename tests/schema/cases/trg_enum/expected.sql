-- migrate:up
DROP TRIGGER orders_status ON shop.orders;
-- destructive: removes enum values; rows holding them make this fail (shop.status)
ALTER TYPE shop.status RENAME TO status__vf_old;
CREATE TYPE shop.status AS ENUM ('new', 'paid');
ALTER TABLE shop.orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN status TYPE shop.status USING status::text::shop.status;
ALTER TABLE shop.orders ALTER COLUMN status SET DEFAULT 'new'::shop.status;
DROP TYPE shop.status__vf_old;
CREATE TRIGGER orders_status BEFORE UPDATE ON shop.orders FOR EACH ROW WHEN ((old.status <> new.status)) EXECUTE FUNCTION suppress_redundant_updates_trigger();

-- migrate:down
ALTER TYPE shop.status ADD VALUE 'void';
