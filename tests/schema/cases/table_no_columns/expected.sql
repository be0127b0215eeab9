-- migrate:up
CREATE TABLE shop.fresh ();
ALTER TABLE shop.empty ADD COLUMN a integer NOT NULL;
-- destructive: drops a column and its values (shop.full.a)
ALTER TABLE shop."full" DROP COLUMN a;
COMMENT ON TABLE shop.fresh IS 'No columns yet';

-- migrate:down
ALTER TABLE shop."full" ADD COLUMN a integer NOT NULL;
-- destructive: drops a column and its values (shop.empty.a)
ALTER TABLE shop.empty DROP COLUMN a;
-- destructive: drops a table and its rows (shop.fresh)
DROP TABLE shop.fresh;
