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
