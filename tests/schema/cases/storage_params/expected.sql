-- migrate:up
ALTER TABLE shop.customers SET (autovacuum_enabled = 'false', fillfactor = '70');
ALTER INDEX shop.orders_status_idx SET (fillfactor = '80');

-- migrate:down
ALTER TABLE shop.customers RESET (autovacuum_enabled, fillfactor);
ALTER INDEX shop.orders_status_idx RESET (fillfactor);
