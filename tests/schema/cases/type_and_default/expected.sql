-- migrate:up
ALTER TABLE shop.foobar ALTER COLUMN foobar DROP DEFAULT;
-- destructive: changes a column's type to one that may not hold every value (shop.foobar.foobar)
ALTER TABLE shop.foobar ALTER COLUMN foobar TYPE character varying(255) USING foobar::character varying(255);
ALTER TABLE shop.foobar ALTER COLUMN foobar SET DEFAULT 'SOMETHING'::character varying;

-- migrate:down
ALTER TABLE shop.foobar ALTER COLUMN foobar DROP DEFAULT;
-- destructive: changes a column's type to one that may not hold every value (shop.foobar.foobar)
ALTER TABLE shop.foobar ALTER COLUMN foobar TYPE integer USING foobar::integer;
ALTER TABLE shop.foobar ALTER COLUMN foobar SET DEFAULT 0;
