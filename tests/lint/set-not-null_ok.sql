-- transaction:false: each statement commits, so the VALIDATE scans under
-- SHARE UPDATE EXCLUSIVE only (in one transaction the ADD's lock would
-- stay: validate-in-transaction).
-- migrate:up transaction:false
SET lock_timeout = '2s';
ALTER TABLE lint.accounts ADD CONSTRAINT accounts_email_nn CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE lint.accounts VALIDATE CONSTRAINT accounts_email_nn;
ALTER TABLE lint.accounts ALTER COLUMN email SET NOT NULL;
ALTER TABLE lint.accounts ALTER COLUMN name SET NOT NULL;
