-- migrate:up
GRANT USAGE ON SCHEMA shop TO billing_svc;
GRANT SELECT, USAGE ON SEQUENCE shop.customers_id_seq TO billing_svc;
GRANT SELECT ON TABLE shop.customers TO PUBLIC;
GRANT INSERT, SELECT ON TABLE shop.customers TO billing_svc;
GRANT INSERT, SELECT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE shop.orders TO billing_svc WITH GRANT OPTION;
GRANT SELECT (note), UPDATE (note) ON TABLE shop.orders TO auth_svc;
GRANT SELECT (status), UPDATE (status) ON TABLE shop.orders TO auth_svc;
GRANT USAGE ON TYPE shop.status TO billing_svc;

-- migrate:down
REVOKE USAGE ON SCHEMA shop FROM billing_svc;
REVOKE SELECT, USAGE ON SEQUENCE shop.customers_id_seq FROM billing_svc;
REVOKE SELECT ON TABLE shop.customers FROM PUBLIC;
REVOKE INSERT, SELECT ON TABLE shop.customers FROM billing_svc;
REVOKE INSERT, SELECT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE shop.orders FROM billing_svc;
REVOKE SELECT (note), UPDATE (note) ON TABLE shop.orders FROM auth_svc;
REVOKE SELECT (status), UPDATE (status) ON TABLE shop.orders FROM auth_svc;
REVOKE USAGE ON TYPE shop.status FROM billing_svc;
