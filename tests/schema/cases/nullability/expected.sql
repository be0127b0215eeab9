-- migrate:up
ALTER TABLE shop.customers ALTER COLUMN name DROP NOT NULL;
ALTER TABLE shop.customers ALTER COLUMN age SET NOT NULL;
ALTER TABLE shop.customers ALTER COLUMN age SET DEFAULT 18;

-- migrate:down
ALTER TABLE shop.customers ALTER COLUMN age DROP DEFAULT;
ALTER TABLE shop.customers ALTER COLUMN name SET NOT NULL;
ALTER TABLE shop.customers ALTER COLUMN age DROP NOT NULL;
