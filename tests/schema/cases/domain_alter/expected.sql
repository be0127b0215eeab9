-- migrate:up
ALTER DOMAIN shop.cents SET DEFAULT 100;
ALTER DOMAIN shop.cents DROP NOT NULL;
COMMENT ON DOMAIN shop.cents IS 'Money in cents (of the account''s currency)';
ALTER DOMAIN shop.cents DROP CONSTRAINT cents_check;
CREATE DOMAIN shop.qty__vf_new AS bigint DEFAULT 1 NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN qty TYPE shop.qty__vf_new USING qty::shop.qty__vf_new;
DROP DOMAIN shop.qty;
ALTER DOMAIN shop.qty__vf_new RENAME TO qty;
ALTER TABLE shop.orders ALTER COLUMN qty SET DEFAULT 2;
ALTER DOMAIN shop.cents ADD CONSTRAINT cents_check CHECK ((VALUE > '-1'::integer));
ALTER DOMAIN shop.cents ADD CONSTRAINT below_max CHECK ((VALUE < 1000000));

-- migrate:down
ALTER DOMAIN shop.cents SET DEFAULT 0;
ALTER DOMAIN shop.cents SET NOT NULL;
COMMENT ON DOMAIN shop.cents IS 'Money in cents';
ALTER DOMAIN shop.cents DROP CONSTRAINT cents_check;
ALTER DOMAIN shop.cents DROP CONSTRAINT below_max;
-- destructive: changes a domain's base type to one that may not hold every value (shop.qty)
CREATE DOMAIN shop.qty__vf_new AS integer DEFAULT 1;
ALTER TABLE shop.orders ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN qty TYPE shop.qty__vf_new USING qty::shop.qty__vf_new;
DROP DOMAIN shop.qty;
ALTER DOMAIN shop.qty__vf_new RENAME TO qty;
ALTER TABLE shop.orders ALTER COLUMN qty SET DEFAULT 2;
ALTER DOMAIN shop.cents ADD CONSTRAINT cents_check CHECK ((VALUE >= 0));
