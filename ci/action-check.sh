#!/usr/bin/env bash
# ci/action-check.sh VERIFIER: the check step of action.yml (the composite
# GitHub Action), run in the user's working directory.  From the
# environment: VF_MODELS (default schema_models), VF_MIGRATIONS (default
# migrations; DIR/<schema> per schema), VF_SCHEMAS (default every model),
# VF_DATABASE_URL (empty: a throwaway cluster here, and --no-live).
# Exit: the worst exit code of the schemas' checks.
set -u
verifier=$1
models=${VF_MODELS:-schema_models}
migrations=${VF_MIGRATIONS:-migrations}
schemas=${VF_SCHEMAS:-}
if [ -z "$schemas" ]; then
	for m in "$models"/*.yaml; do
		[ -f "$m" ] && schemas="$schemas $(basename "$m" .yaml)"
	done
fi
if [ -z "$schemas" ]; then
	echo "::error::no model file in $models"
	exit 2
fi

live=()
if [ -n "${VF_DATABASE_URL:-}" ]; then
	export DATABASE_URL=$VF_DATABASE_URL
else
	# A throwaway cluster of the newest PostgreSQL installed.
	. "$(dirname "$0")/pg.sh"
	PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
	data=$(mktemp -d "${TMPDIR:-/tmp}/verifier-pg.XXXXXX")
	chmod 755 "$data"
	port=$(pg_free_port) || { echo "::error::no free port"; exit 1; }
	trap 'pg_stop "$data/pgdata" immediate; rm -rf "$data"' EXIT
	pg_init "$data/pgdata" postgres || exit 1
	PG_FSYNC=off pg_start "$data/pgdata" "$port" "$data/pg.log" ||
	    { cat "$data/pg.log"; exit 1; }
	export DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:$port/postgres"
	live=(--no-live)
fi

rc=0
for s in $schemas; do
	echo "== verifier check --schema $s"
	"$verifier" check --schema "$s" --models "$models" \
	    --migrations "$migrations/$s" --format github "${live[@]}"
	r=$?
	[ $r -gt $rc ] && rc=$r
done
exit $rc
