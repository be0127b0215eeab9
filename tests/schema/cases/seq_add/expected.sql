-- migrate:up
CREATE SEQUENCE shop.invoice_no AS integer INCREMENT BY 10 MINVALUE 1 MAXVALUE 999999 START WITH 1000 CACHE 5 NO CYCLE;
CREATE SEQUENCE shop.tokens AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
ALTER TABLE shop.orders ADD COLUMN invoice_no integer DEFAULT nextval('shop.invoice_no'::regclass) NOT NULL;
ALTER SEQUENCE shop.invoice_no OWNED BY shop.orders.invoice_no;

-- migrate:down
-- destructive: drops a column and its values (shop.orders.invoice_no)
ALTER TABLE shop.orders DROP COLUMN invoice_no;
DROP SEQUENCE IF EXISTS shop.invoice_no;
DROP SEQUENCE IF EXISTS shop.tokens;
