== new_table.sql
-- migrate:up
SET LOCAL lock_timeout = '2s';
CREATE TABLE shop.refunds (
	id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
	order_id bigint NOT NULL,
	cents integer
);
ALTER TABLE shop.refunds ADD CONSTRAINT refunds_cents_check CHECK ((cents > 0));
ALTER TABLE shop.refunds ADD CONSTRAINT refunds_pkey PRIMARY KEY (id);
CREATE INDEX refunds_order_id_idx ON shop.refunds USING btree (order_id);
ALTER TABLE shop.refunds ADD CONSTRAINT refunds_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(id);

-- migrate:down
SET LOCAL lock_timeout = '2s';
ALTER TABLE shop.refunds DROP CONSTRAINT refunds_order_id_fkey;
-- destructive: drops a table and its rows (shop.refunds)
DROP TABLE shop.refunds;
