-- migrate:up
DROP VIEW shop.big_refunds;
DROP VIEW shop.refund_list;
-- destructive: drops a table and its rows (shop.refunds)
DROP TABLE shop.refunds;
CREATE VIEW shop.refund_list AS
SELECT orders.id,
    orders.total_cents AS cents
   FROM shop.orders
  WHERE orders.total_cents < 0;
CREATE VIEW shop.big_refunds AS
SELECT refund_list.id
   FROM shop.refund_list
  WHERE refund_list.cents > 1000;

-- migrate:down
CREATE TABLE shop.refunds (
	id bigint NOT NULL,
	cents integer NOT NULL
);
ALTER TABLE shop.refunds ADD CONSTRAINT refunds_pkey PRIMARY KEY (id);
CREATE OR REPLACE VIEW shop.refund_list AS
SELECT refunds.id,
    refunds.cents
   FROM shop.refunds;
