-- migrate:up
REVOKE SELECT, USAGE ON SEQUENCE shop.customers_id_seq FROM billing_svc;
REVOKE SELECT ON TABLE shop.customers FROM PUBLIC;
REVOKE INSERT, SELECT ON TABLE shop.customers FROM billing_svc;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLE shop.orders FROM billing_svc;
REVOKE UPDATE (note) ON TABLE shop.orders FROM auth_svc;
REVOKE UPDATE (status) ON TABLE shop.orders FROM auth_svc;
REVOKE USAGE ON TYPE shop.status FROM billing_svc;
ALTER TABLE shop.customers RENAME TO clients;
ALTER TABLE shop.orders RENAME COLUMN note TO remark;
ALTER TABLE shop.clients RENAME CONSTRAINT customers_email_key TO clients_email_key;
ALTER TABLE shop.clients RENAME CONSTRAINT customers_pkey TO clients_pkey;
GRANT CREATE ON SCHEMA shop TO billing_svc;
GRANT SELECT, UPDATE ON TABLE shop.clients TO billing_svc WITH GRANT OPTION;
GRANT USAGE ON TYPE shop.status TO auth_svc WITH GRANT OPTION;

-- migrate:down
REVOKE CREATE ON SCHEMA shop FROM billing_svc;
REVOKE SELECT, UPDATE ON TABLE shop.clients FROM billing_svc;
REVOKE USAGE ON TYPE shop.status FROM auth_svc;
ALTER TABLE shop.clients RENAME TO customers;
ALTER TABLE shop.orders RENAME COLUMN remark TO note;
ALTER TABLE shop.customers RENAME CONSTRAINT clients_email_key TO customers_email_key;
ALTER TABLE shop.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;
GRANT SELECT, USAGE ON SEQUENCE shop.customers_id_seq TO billing_svc;
GRANT SELECT ON TABLE shop.customers TO PUBLIC;
GRANT INSERT, SELECT ON TABLE shop.customers TO billing_svc;
GRANT TRUNCATE, REFERENCES, TRIGGER ON TABLE shop.orders TO billing_svc WITH GRANT OPTION;
GRANT UPDATE (note) ON TABLE shop.orders TO auth_svc;
GRANT UPDATE (status) ON TABLE shop.orders TO auth_svc;
GRANT USAGE ON TYPE shop.status TO billing_svc;
