-- migrate:up
CREATE UNLOGGED TABLE shop.scratch (
	k text NOT NULL
) WITH (autovacuum_enabled = 'false');
ALTER TABLE shop.audit SET UNLOGGED;

-- migrate:down
-- destructive: drops a table and its rows (shop.scratch)
DROP TABLE shop.scratch;
ALTER TABLE shop.audit SET LOGGED;
