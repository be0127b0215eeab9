-- migrate:up
CREATE TABLE shop.refunds (
	id integer GENERATED ALWAYS AS IDENTITY NOT NULL,
	order_id bigint NOT NULL,
	reason text
);
ALTER TABLE shop.refunds ADD CONSTRAINT refunds_pkey PRIMARY KEY (id);
ALTER TABLE shop.refunds ADD CONSTRAINT refunds_order_id_fkey FOREIGN KEY (order_id) REFERENCES shop.orders(id);
COMMENT ON TABLE shop.refunds IS 'Money back';
COMMENT ON COLUMN shop.refunds.reason IS 'Why';

-- migrate:down
ALTER TABLE shop.refunds DROP CONSTRAINT refunds_order_id_fkey;
-- destructive: drops a table and its rows (shop.refunds)
DROP TABLE shop.refunds;
