-- initdb/02_extensions.sql: run once per database (idempotent) by a
-- superuser.  Extensions are database-wide: they live in one schema that
-- every service reads, and only a superuser (or the database's owner)
-- installs them; a service's model lists those it uses
-- (`extensions: [citext]`, docs/models.md) and its migrations say
-- CREATE EXTENSION IF NOT EXISTS, a no-op once this file has run.

CREATE SCHEMA IF NOT EXISTS extensions;

-- Every role may use what is there; nobody but the superuser adds to it.
REVOKE ALL ON SCHEMA extensions FROM PUBLIC;
GRANT USAGE ON SCHEMA extensions TO PUBLIC;

CREATE EXTENSION IF NOT EXISTS citext SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions;
