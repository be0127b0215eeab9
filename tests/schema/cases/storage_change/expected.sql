-- migrate:up
ALTER TABLE shop.customers RESET (autovacuum_enabled);
ALTER TABLE shop.customers SET (fillfactor = '60', toast.autovacuum_enabled = 'false');
ALTER INDEX shop.orders_status_idx SET (deduplicate_items = 'off', fillfactor = '90');

-- migrate:down
ALTER TABLE shop.customers RESET (toast.autovacuum_enabled);
ALTER TABLE shop.customers SET (autovacuum_enabled = 'false', fillfactor = '70');
ALTER INDEX shop.orders_status_idx RESET (deduplicate_items);
ALTER INDEX shop.orders_status_idx SET (fillfactor = '80');
