#!/usr/bin/env bash
# bench_runner.sh: 1,000 small migration files (a table or a column each)
# applied to an empty schema by `verifier migrate`, against the same SQL
# run by psql, one `psql -1 -f` per file (one transaction per file, and the
# same version-row insert), in the same run.  Prints both times and the
# ratio runner/psql (target: <= 1.0).
set -eu
. "$(dirname "$0")/lib.sh"
N=${BENCH_FILES:-1000}
V=${VERIFIER:-$TOP/build/verifier}
M=$BENCH_ROOT/mig
P=$BENCH_ROOT/psql
mkdir -p "$M" "$P"
for i in $(seq 1 "$N"); do
	v=$(printf '2026%010d' "$i")
	if [ $((i % 2)) = 1 ]; then
		sql="CREATE TABLE bench.t$i (id bigint PRIMARY KEY, name text);"
		down="DROP TABLE bench.t$i;"
	else
		sql="ALTER TABLE bench.t$((i - 1)) ADD COLUMN c$i integer NOT NULL DEFAULT 0;"
		down="ALTER TABLE bench.t$((i - 1)) DROP COLUMN c$i;"
	fi
	printf -- '-- migrate:up\n%s\n-- migrate:down\n%s\n' "$sql" "$down" > "$M/${v}_step$i.sql"
	printf 'SET search_path = bench;\n%s\nINSERT INTO bench.schema_migrations VALUES (%s, %s, %s, now(), 0, session_user);\n' \
	    "$sql" "'$v'" "'step$i'" "'x'" > "$P/${v}.sql"
done
psql -X -q -c "CREATE DATABASE bench_runner" -c "CREATE DATABASE bench_psql"
for db in bench_runner bench_psql; do
	psql -X -q -d $db -c "CREATE SCHEMA bench"
done
psql -X -q -d bench_psql -c "CREATE TABLE bench.schema_migrations (version text PRIMARY KEY, description text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), execution_ms integer NOT NULL, applied_by text NOT NULL)"

t0=$(now_ms)
"$V" migrate --schema bench --migrations "$M" --db "postgresql://postgres:postgres@127.0.0.1:$PGPORT/bench_runner" >/dev/null
t1=$(now_ms)
for f in "$P"/*.sql; do
	psql -X -q -1 -v ON_ERROR_STOP=1 -d bench_psql -f "$f" >/dev/null
done
t2=$(now_ms)

runner=$((t1 - t0))
psqlms=$((t2 - t1))
n1=$(psql -X -qAt -d bench_runner -c "SELECT count(*) FROM bench.schema_migrations")
n2=$(psql -X -qAt -d bench_psql -c "SELECT count(*) FROM bench.schema_migrations")
[ "$n1" = "$N" ] && [ "$n2" = "$N" ] || { echo "bench: expected $N rows, got $n1 and $n2" >&2; exit 1; }
printf 'runner: %d files in %d ms (%.2f ms/file)\n' "$N" "$runner" "$(echo "$runner / $N" | bc -l)"
printf 'psql:   %d files in %d ms (%.2f ms/file)\n' "$N" "$psqlms" "$(echo "$psqlms / $N" | bc -l)"
printf 'ratio runner/psql: %.3f (target <= 1.0)\n' "$(echo "$runner / $psqlms" | bc -l)"
