# ci/env.sh: the connection of the local system, sourced by the make targets.
# With DATABASE_URL set, that server is used as it is.  Otherwise the local
# cluster of `make start-db`: 127.0.0.1:$PGPORT (default 5432), superuser
# postgres/postgres, database test_db.  Secrets made by start-db live in
# .run/env (ignored by git).
RUN_DIR=${RUN_DIR:-$TOP/.run}
[ -f "$RUN_DIR/env" ] && . "$RUN_DIR/env"
if [ -z "${DATABASE_URL:-}" ]; then
	export PGHOST=${PGHOST:-127.0.0.1}
	export PGPORT=${PGPORT:-5432}
	export PGUSER=${PGUSER:-postgres}
	export PGPASSWORD=${PGPASSWORD:-postgres}
	export PGDATABASE=${PGDATABASE:-test_db}
fi

# Where each service lives: <SCHEMA>_DATABASE_URL (upper case, e.g.
# BILLING_DATABASE_URL), in .run/env or the environment, names the server
# of a service that has one of its own (`verifier move --cutover` writes
# it); without it the service lives on the default server above.
# svc_db_url SCHEMA prints that URL, or nothing for the default.
svc_db_url() {
	local v
	v="$(printf '%s' "$1" | tr a-z A-Z)_DATABASE_URL"
	printf '%s' "${!v:-}"
}
# SVC=SCHEMA (make migrate, make add-migration): that service's server.
if [ -n "${SVC:-}" ] && [ -n "$(svc_db_url "$SVC")" ]; then
	export DATABASE_URL
	DATABASE_URL=$(svc_db_url "$SVC")
fi
