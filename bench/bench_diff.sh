#!/usr/bin/env bash
# bench_diff.sh: a generated schema of N tables, each with 10 columns of
# mixed types, a primary key, a unique constraint, an index and a foreign
# key, at 10, BENCH_TABLES (default 1,000) and BENCH_TABLES_LARGE (default
# 10,000; 0 skips it) tables.  In the same run, for each size:
#   - psql running the verifier's own catalog queries (one read of the
#     schema): the baseline of `diff`;
#   - `verifier diff` cold (VERIFIER_CACHE=off: the models' catalog built
#     from nothing) and warm (the cache filled), with its peak memory
#     (/usr/bin/time -v);
#   - psql replaying the same migration files, each in one transaction,
#     into an empty database
#     (CREATE DATABASE included) plus one catalog read: the baseline of
#     `check --no-live`, whose own replay is printed apart.
# Every time is the median of BENCH_RUNS runs (default 3); the ratios are
# of the same run, never absolute times.
set -eu
. "$(dirname "$0")/lib.sh"
N=${BENCH_TABLES:-1000}
NL=${BENCH_TABLES_LARGE:-10000}
RUNS=${BENCH_RUNS:-3}
V=${VERIFIER:-$TOP/build/verifier}
BUILD_DIR=$TOP/build
make -s -C "$TOP" "build/tests/catalog_sql" >/dev/null
W=$BENCH_ROOT/diff
mkdir -p "$W"

# gen DIR COUNT: migration files creating COUNT tables in schema bench,
# 500 tables a file (one transaction of thousands of CREATE TABLEs runs
# out of PostgreSQL's lock table), and the same statements alone, each
# file in BEGIN ... COMMIT, in DIR.up.sql for psql.
gen() {
	local dir=$1 n=$2 i p f
	mkdir -p "$dir"
	: > "$dir.up.sql"
	for i in $(seq 1 "$n"); do
		p=$((i > 1 ? i - 1 : 1))
		f=$dir/$(printf '20260101%06d' $(((i - 1) / 500)))_tables.sql
		if [ $(((i - 1) % 500)) -eq 0 ]; then
			[ "$i" -gt 1 ] && echo "COMMIT;" >> "$dir.up.sql"
			echo "BEGIN;" >> "$dir.up.sql"
			echo "-- migrate:up" > "$f"
		fi
		cat <<SQL | tee -a "$dir.up.sql" >> "$f"
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
		if [ $((i % 500)) -eq 0 ] || [ "$i" -eq "$n" ]; then
			printf -- '-- migrate:down\nDROP TABLE %s CASCADE;\n' \
			    "$(seq -s, -f 'bench.t%g' $((i - (i - 1) % 500)) "$i")" \
			    >> "$f"
		fi
	done
	echo "COMMIT;" >> "$dir.up.sql"
}

# median: the middle of the numbers on stdin.
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# timed OUT CMD...: runs CMD, appends its wall time in ms to OUT.
timed() {
	local out=$1 t0
	shift
	t0=$(now_ms)
	"$@"
	echo $(($(now_ms) - t0)) >> "$out"
}

# peak_kb CMD...: the peak resident memory of CMD in KiB.
peak_kb() {
	/usr/bin/time -v "$@" 2>&1 >/dev/null |
	    sed -n 's/.*Maximum resident set size (kbytes): //p'
}

ratio() { echo "$1 / $2" | bc -l; }

# psql_replay N I: the baseline of check: an empty database, the migration
# in one transaction, one read of the catalog.
psql_replay() {
	local db=bench_replay_$1_$2
	psql -X -q -c "CREATE DATABASE $db" >/dev/null
	psql -X -q -d "$db" -c "CREATE SCHEMA bench" >/dev/null
	psql -X -q -d "$db" -f "$W/mig$1.up.sql" >/dev/null
	psql -X -q -d "$db" -v schema=bench -f "$W/catalog.sql" >/dev/null
}

# run COUNT: builds a database with COUNT tables, prints the timings.
run() {
	local n=$1 db=bench_diff_$1 url i f psqlms cold warm chk rep replay mem
	url="postgresql://postgres:postgres@127.0.0.1:$PGPORT/$db"
	f=$W/times$n
	rm -f "$f".*
	gen "$W/mig$n" "$n"
	mkdir -p "$W/models$n"
	psql -X -q -c "CREATE DATABASE $db" >/dev/null
	psql -X -q -d $db -c "CREATE SCHEMA bench" >/dev/null
	"$V" migrate --schema bench --migrations "$W/mig$n" --db "$url" >/dev/null
	"$V" dump --schema bench --db "$url" --output "$W/models$n/bench.yaml"
	{
		echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
		echo "SET LOCAL search_path = pg_catalog;"
		echo "SET LOCAL jit = off;"
		"$BUILD_DIR/tests/catalog_sql"
		echo "COMMIT;"
	} > "$W/catalog.sql"
	psql -X -q -d $db -v schema=bench -f "$W/catalog.sql" >/dev/null	# warm up
	export VERIFIER_CACHE=$BENCH_ROOT/cache$n
	for i in $(seq 1 "$RUNS"); do
		timed "$f.psql" psql -X -q -d $db -v schema=bench \
		    -f "$W/catalog.sql" >/dev/null
		VERIFIER_CACHE=off VERIFIER_STATS=1 timed "$f.cold" "$V" diff \
		    --schema bench --models "$W/models$n" --db "$url" \
		    >/dev/null 2>"$W/stats$n"
		VERIFIER_STATS=1 "$V" diff --schema bench --models \
		    "$W/models$n" --db "$url" >/dev/null 2>&1	# fills the cache
		timed "$f.warm" "$V" diff --schema bench --models \
		    "$W/models$n" --db "$url" >/dev/null
		timed "$f.rep" psql_replay "$n" "$i"
		VERIFIER_CACHE=off VERIFIER_STATS=1 timed "$f.check" "$V" \
		    check --no-live --schema bench --models "$W/models$n" \
		    --migrations "$W/mig$n" --db "$url" >/dev/null \
		    2>"$W/cstats$n"
		sed -n 's/.*replay of the migrations: .* in \([0-9]*\).*/\1/p' \
		    "$W/cstats$n" >> "$f.replay"
	done
	mem=$(VERIFIER_CACHE=off peak_kb "$V" diff --schema bench --models \
	    "$W/models$n" --db "$url")
	psqlms=$(median < "$f.psql"); cold=$(median < "$f.cold")
	warm=$(median < "$f.warm"); rep=$(median < "$f.rep")
	chk=$(median < "$f.check"); replay=$(median < "$f.replay")
	printf '%5d tables: psql, the same catalog queries:  %6d ms\n' "$n" "$psqlms"
	printf '%5d tables: verifier diff, cold:             %6d ms  diff/psql %.2f (target 2)\n' \
	    "$n" "$cold" "$(ratio "$cold" "$psqlms")"
	printf '%5d tables: verifier diff, warm cache:       %6d ms  diff/psql %.2f (target 1.2)\n' \
	    "$n" "$warm" "$(ratio "$warm" "$psqlms")"
	printf '%5d tables: verifier diff, peak memory:      %6d KiB\n' "$n" "$mem"
	printf '%5d tables: psql replay + one read:         %6d ms\n' "$n" "$rep"
	printf '%5d tables: verifier check --no-live, cold:  %6d ms  check/psql %.2f (target 1.3); its replay %d ms (%.0f%%)\n' \
	    "$n" "$chk" "$(ratio "$chk" "$rep")" "$replay" \
	    "$(echo "100 * $replay / $chk" | bc -l)"
	sed 's/^/       diff: /' "$W/stats$n"
	sed 's/^/       check: /' "$W/cstats$n"
}

run 10
[ "$N" -ne 10 ] && run "$N"
[ "$NL" -gt 0 ] && [ "$NL" -ne "$N" ] && run "$NL"
exit 0
