-- check invoice currency codes, not valid
-- drafted by verifier draft from schema_models/billing.yaml
-- migrate:up
ALTER TABLE billing.invoices ADD CONSTRAINT invoices_currency_code CHECK ((currency ~ '^[A-Z]{3}$'::text)) NOT VALID;
COMMENT ON CONSTRAINT invoices_currency_code ON billing.invoices IS 'ISO 4217 code, three upper-case letters, as the API checks';

-- migrate:down
ALTER TABLE billing.invoices DROP CONSTRAINT invoices_currency_code;
