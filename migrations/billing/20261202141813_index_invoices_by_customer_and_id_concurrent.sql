-- index invoices by customer and id
-- drafted by verifier draft --online from schema_models/billing.yaml
-- migrate:up transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS billing.invoices_customer_id_id_idx;
CREATE INDEX CONCURRENTLY invoices_customer_id_id_idx ON billing.invoices USING btree (customer_id, id);
DROP INDEX CONCURRENTLY IF EXISTS billing.invoices_customer_id_idx;

-- migrate:down transaction:false
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS billing.invoices_customer_id_idx;
CREATE INDEX CONCURRENTLY invoices_customer_id_idx ON billing.invoices USING btree (customer_id);
DROP INDEX CONCURRENTLY IF EXISTS billing.invoices_customer_id_id_idx;
