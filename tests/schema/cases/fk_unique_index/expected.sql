-- migrate:up
CREATE TABLE shop.foobar_fk (
	fk_id integer,
	fk_foo character varying(255)
);
CREATE UNIQUE INDEX foobar_unique ON shop.foobar USING btree (foo);
ALTER TABLE shop.foobar_fk ADD CONSTRAINT some_fk FOREIGN KEY (fk_foo) REFERENCES shop.foobar(foo);

-- migrate:down
ALTER TABLE shop.foobar_fk DROP CONSTRAINT some_fk;
DROP INDEX shop.foobar_unique;
-- destructive: drops a table and its rows (shop.foobar_fk)
DROP TABLE shop.foobar_fk;
