#!/usr/bin/env bash
# ci/start-db.sh: `make start-db`.  Creates and starts the local cluster
# (unless DATABASE_URL is set), creates test_db, runs initdb/, migrates
# every schema as its own role, then starts the apps when they exist.
# Running it twice is harmless.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
. ci/pg.sh
RUN_DIR=${RUN_DIR:-$TOP/.run}
export RUN_DIR
mkdir -p "$RUN_DIR/logs"
chmod 755 "$RUN_DIR"
USER_PGPORT=${PGPORT:-}
export PGOPTIONS="-c client_min_messages=warning"
. ci/env.sh

# Secrets: generated once, kept in .run/env (mode 600).
if [ ! -f "$RUN_DIR/env" ]; then
	umask 077
	{
		echo "# made by make start-db; secrets of the local system"
		echo "AUTH_SVC_PASSWORD=$(openssl rand -hex 16)"
		echo "BILLING_SVC_PASSWORD=$(openssl rand -hex 16)"
		echo "TOKEN_SECRET=$(openssl rand -hex 32)"
	} > "$RUN_DIR/env"
	umask 022
	. "$RUN_DIR/env"
fi
export AUTH_SVC_PASSWORD BILLING_SVC_PASSWORD TOKEN_SECRET

if [ -z "${DATABASE_URL:-}" ]; then
	DATA=$RUN_DIR/pgdata
	# A running cluster keeps its port; a new start takes PGPORT if given.
	if pg_running "$DATA" && [ -f "$RUN_DIR/port" ]; then
		PGPORT=$(cat "$RUN_DIR/port")
	elif [ -n "$USER_PGPORT" ]; then
		PGPORT=$USER_PGPORT
	elif [ -f "$RUN_DIR/port" ]; then
		PGPORT=$(cat "$RUN_DIR/port")
	fi
	if ! pg_running "$DATA"; then
		if ! pg_port_free "$PGPORT"; then
			echo "start-db: port $PGPORT on 127.0.0.1 is already in use;" \
			    "stop what listens there or run: make start-db PGPORT=5433" >&2
			exit 1
		fi
		if [ ! -f "$DATA/PG_VERSION" ]; then
			echo "start-db: creating a PostgreSQL 15 cluster in .run/pgdata"
			pg_init "$DATA" postgres
		fi
		# wal_level = logical: `verifier move` publishes from it.
		PG_WAL_LEVEL=logical pg_start "$DATA" "$PGPORT" \
		    "$RUN_DIR/logs/postgresql.log"
	fi
	echo "$PGPORT" > "$RUN_DIR/port"
	if ! grep -q '^PGPORT=' "$RUN_DIR/env"; then
		echo "PGPORT=$PGPORT" >> "$RUN_DIR/env"
	else
		sed -i "s/^PGPORT=.*/PGPORT=$PGPORT/" "$RUN_DIR/env"
	fi
	export PGPORT
	psql -X -q -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test_db'" |
	    grep -q 1 || psql -X -q -d postgres -c 'CREATE DATABASE test_db'
fi

# psql on the system's database: DATABASE_URL, or the PG* variables.
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
[ -n "${DATABASE_URL:-}" ] && PSQL+=(-d "$DATABASE_URL")

# initdb/: idempotent, so every start may run it.
for f in initdb/*.sql; do
	"${PSQL[@]}" -f "$f" >/dev/null
done
# The service roles log in with the generated passwords.
"${PSQL[@]}" -v auth_pw="$AUTH_SVC_PASSWORD" \
    -v billing_pw="$BILLING_SVC_PASSWORD" >/dev/null <<'SQL'
ALTER ROLE auth_svc PASSWORD :'auth_pw';
ALTER ROLE billing_svc PASSWORD :'billing_pw';
SQL

# Each schema is migrated as its own role (with DATABASE_URL, the runner
# switches to the schema's owner itself).
for s in auth billing; do
	pw_var=$(echo "${s}_SVC_PASSWORD" | tr a-z A-Z)
	if [ -n "$(svc_db_url "$s")" ]; then
		# A service moved to its own server (ci/env.sh) migrates there.
		build/verifier migrate --schema "$s" --db "$(svc_db_url "$s")"
	elif [ -n "${DATABASE_URL:-}" ]; then
		build/verifier migrate --schema "$s"
	else
		PGUSER=${s}_svc PGPASSWORD=${!pw_var} build/verifier migrate --schema "$s"
	fi
done

if [ -x ci/start-apps.sh ] && [ "${START_APPS:-1}" = 1 ]; then
	bash ci/start-apps.sh
fi

echo
if [ -n "${DATABASE_URL:-}" ]; then
	echo "PostgreSQL: the server of DATABASE_URL"
else
	echo "PostgreSQL: psql postgresql://postgres:postgres@${PGHOST:-127.0.0.1}:$PGPORT/test_db"
fi
echo "  make migrate svc=auth|billing, make check, make stop"
if [ -x ci/start-apps.sh ] && [ "${START_APPS:-1}" = 1 ]; then
	bash ci/start-apps.sh --urls
fi
