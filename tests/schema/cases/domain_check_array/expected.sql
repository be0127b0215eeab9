-- migrate:up
CREATE DOMAIN shop.cents__vf_new AS integer
	CONSTRAINT cents_check CHECK ((VALUE >= 0));
ALTER TABLE shop.orders ALTER COLUMN refund TYPE shop.cents__vf_new USING refund::shop.cents__vf_new;
ALTER TABLE shop.orders ALTER COLUMN parts DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN parts TYPE shop.cents__vf_new[] USING parts::shop.cents__vf_new[];
DROP DOMAIN shop.cents;
ALTER DOMAIN shop.cents__vf_new RENAME TO cents;
ALTER TABLE shop.orders ALTER COLUMN parts SET DEFAULT '{}'::shop.cents[];
COMMENT ON DOMAIN shop.cents IS 'Money in cents';

-- migrate:down
ALTER DOMAIN shop.cents DROP CONSTRAINT cents_check;
