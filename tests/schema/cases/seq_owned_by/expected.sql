-- migrate:up
ALTER SEQUENCE shop.invoice_no OWNED BY NONE;
ALTER TABLE shop.orders ALTER COLUMN number SET NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN number SET DEFAULT nextval('shop.invoice_no'::regclass);
-- destructive: drops a column and its values (shop.orders.invoice_no)
ALTER TABLE shop.orders DROP COLUMN invoice_no;
ALTER SEQUENCE shop.invoice_no OWNED BY shop.orders.number;
ALTER SEQUENCE shop.tokens OWNED BY shop.customers.name;

-- migrate:down
ALTER SEQUENCE shop.invoice_no OWNED BY NONE;
ALTER SEQUENCE shop.tokens OWNED BY NONE;
ALTER TABLE shop.orders ADD COLUMN invoice_no integer DEFAULT nextval('shop.invoice_no'::regclass) NOT NULL;
ALTER TABLE shop.orders ALTER COLUMN number DROP DEFAULT;
ALTER TABLE shop.orders ALTER COLUMN number DROP NOT NULL;
ALTER SEQUENCE shop.invoice_no OWNED BY shop.orders.invoice_no;
