-- migrate:up
SET LOCAL lock_timeout = '2s';
ALTER TABLE lint.accounts ADD COLUMN seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE lint.accounts ADD COLUMN token uuid;
ALTER TABLE lint.accounts ALTER COLUMN token SET DEFAULT gen_random_uuid();
