#!/usr/bin/env bash
# bench_diff.sh: a generated schema of N tables (BENCH_TABLES, default
# 1,000), each with 10 columns of mixed types, a primary key, a unique
# constraint, an index and a foreign key.  Times `verifier check` and
# `verifier diff` against it and, in the same run, psql running the same
# catalog queries (one read of the schema); prints the ratios and the
# number of catalog queries for 10 tables and for N tables (the same: the
# queries do not depend on the number of tables).  `diff` is timed cold
# (the models built in a scratch database) and warm (their catalog from
# the cache, VERIFIER_CACHE); `check` always replays the migrations.
set -eu
. "$(dirname "$0")/lib.sh"
N=${BENCH_TABLES:-1000}
V=${VERIFIER:-$TOP/build/verifier}
BUILD_DIR=$TOP/build
make -s -C "$TOP" "build/tests/catalog_sql" >/dev/null
W=$BENCH_ROOT/diff
mkdir -p "$W/models"

# gen DIR COUNT: one migration file creating COUNT tables in schema bench.
gen() {
	local dir=$1 n=$2 i p
	mkdir -p "$dir"
	{
		echo "-- migrate:up"
		for i in $(seq 1 "$n"); do
			p=$((i > 1 ? i - 1 : 1))
			cat <<SQL
CREATE TABLE bench.t$i (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE,
	n integer NOT NULL DEFAULT 0,
	amount numeric(12,2),
	created_at timestamptz NOT NULL DEFAULT now(),
	flag boolean NOT NULL DEFAULT false,
	note varchar(200),
	data jsonb,
	tags text[] NOT NULL DEFAULT '{}',
	parent_id bigint REFERENCES bench.t$p (id) ON DELETE SET NULL
);
CREATE INDEX ON bench.t$i (n, created_at);
SQL
		done
		echo "-- migrate:down"
		echo "DROP SCHEMA bench CASCADE; CREATE SCHEMA bench;"
	} > "$dir/20260101000000_tables.sql"
}

# run COUNT: builds a database with COUNT tables, prints the timings.
run() {
	local n=$1 db=bench_diff_$1 url t0 t1 t2 t3 t4 checkms cold warm psqlms q
	url="postgresql://postgres:postgres@127.0.0.1:$PGPORT/$db"
	gen "$W/mig$n" "$n"
	psql -X -q -c "CREATE DATABASE $db" >/dev/null
	psql -X -q -d $db -c "CREATE SCHEMA bench" >/dev/null
	"$V" migrate --schema bench --migrations "$W/mig$n" --db "$url" >/dev/null
	"$V" dump --schema bench --db "$url" --output "$W/models/bench.yaml"
	{
		echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
		echo "SET LOCAL search_path = pg_catalog;"
		"$BUILD_DIR/tests/catalog_sql"
		echo "COMMIT;"
	} > "$W/catalog.sql"
	psql -X -q -d $db -v schema=bench -f "$W/catalog.sql" >/dev/null	# warm up
	export VERIFIER_CACHE=$BENCH_ROOT/cache$n
	t0=$(now_ms)
	VERIFIER_CACHE=off VERIFIER_STATS=1 "$V" diff --schema bench --models "$W/models" --db "$url" >/dev/null 2>"$W/stats"
	t1=$(now_ms)
	"$V" check --schema bench --models "$W/models" --migrations "$W/mig$n" --db "$url" >/dev/null
	t2=$(now_ms)
	VERIFIER_STATS=1 "$V" diff --schema bench --models "$W/models" --db "$url" >/dev/null 2>>"$W/stats"
	t3=$(now_ms)
	psql -X -q -d $db -v schema=bench -f "$W/catalog.sql" >/dev/null
	t4=$(now_ms)
	cold=$((t1 - t0)); checkms=$((t2 - t1)); warm=$((t3 - t2)); psqlms=$((t4 - t3))
	q=$(grep -m1 'live database' "$W/stats" | sed 's/.*: \([0-9]*\) catalog queries in \([0-9.]*\) ms/\1 \2/')
	printf '%5d tables: catalog queries per read: %s (live read in the verifier: %s ms)\n' "$n" "${q% *}" "${q#* }"
	printf '%5d tables: psql, same catalog queries: %6d ms\n' "$n" "$psqlms"
	printf '%5d tables: verifier diff, cold:       %6d ms  ratio diff/psql %.2f\n' "$n" "$cold" "$(echo "$cold / $psqlms" | bc -l)"
	printf '%5d tables: verifier diff, warm cache: %6d ms  ratio diff/psql %.2f (target 1.5)\n' "$n" "$warm" "$(echo "$warm / $psqlms" | bc -l)"
	printf '%5d tables: verifier check:            %6d ms  ratio check/psql %.2f\n' "$n" "$checkms" "$(echo "$checkms / $psqlms" | bc -l)"
	printf '%5d tables: live catalog read / psql:  %.2f\n' "$n" "$(echo "${q#* } / $psqlms" | bc -l)"
	sed 's/^/       /' "$W/stats"
}

run 10
run "$N"
