-- open invoices reporting view
-- drafted by verifier draft from schema_models/billing.yaml
-- migrate:up
CREATE VIEW billing.open_invoices AS
SELECT i.id,
    i.customer_id,
    c.name AS customer_name,
    c.email,
    i.amount_cents,
    i.currency,
    i.created_at
   FROM billing.invoices i
     JOIN billing.customers c ON c.id = i.customer_id
  WHERE i.status = 'open'::billing.invoice_status;
COMMENT ON VIEW billing.open_invoices IS 'Unpaid invoices (status open) with their customer''s name and email';

-- migrate:down
DROP VIEW billing.open_invoices;
