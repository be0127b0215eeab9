-- touch invoices updated_at
-- drafted by verifier draft from schema_models/billing.yaml
-- migrate:up
ALTER TABLE billing.invoices ADD COLUMN updated_at timestamp with time zone DEFAULT now() NOT NULL;
CREATE FUNCTION billing.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$function$;
COMMENT ON FUNCTION billing.touch() IS 'Sets updated_at to the time of the update (a BEFORE UPDATE trigger''s function)';
CREATE TRIGGER invoices_touch BEFORE UPDATE ON billing.invoices FOR EACH ROW EXECUTE FUNCTION billing.touch();
COMMENT ON COLUMN billing.invoices.updated_at IS 'Set by the trigger invoices_touch on every update';

-- migrate:down
DROP TRIGGER invoices_touch ON billing.invoices;
-- destructive: drops a column and its values (billing.invoices.updated_at)
ALTER TABLE billing.invoices DROP COLUMN updated_at;
DROP FUNCTION billing.touch();
