-- initdb/01_roles_schemas.sql: run once per database (idempotent) by a
-- superuser.  One login role per service that owns its schema and has no
-- rights on the other schemas or on public.

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'auth_svc') THEN
		CREATE ROLE auth_svc LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'billing_svc') THEN
		CREATE ROLE billing_svc LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
	END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS auth AUTHORIZATION auth_svc;
CREATE SCHEMA IF NOT EXISTS billing AUTHORIZATION billing_svc;
ALTER SCHEMA auth OWNER TO auth_svc;
ALTER SCHEMA billing OWNER TO billing_svc;

-- Nobody but the owner uses a service schema.
REVOKE ALL ON SCHEMA auth FROM PUBLIC;
REVOKE ALL ON SCHEMA billing FROM PUBLIC;

-- public is not a place for service objects.
REVOKE ALL ON SCHEMA public FROM PUBLIC;

-- Each service role reaches this database and nothing more.
DO $$
BEGIN
	EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
	EXECUTE format('GRANT CONNECT ON DATABASE %I TO auth_svc, billing_svc',
	    current_database());
END
$$;

-- A service's own objects resolve without qualification.
ALTER ROLE auth_svc SET search_path = auth;
ALTER ROLE billing_svc SET search_path = billing;
