# bench/lib.sh: a throwaway PostgreSQL cluster for a benchmark script.
# Sets PG* to its superuser and stops it on exit.
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$TOP/ci/pg.sh"
BENCH_ROOT=$(mktemp -d /tmp/verifier-bench.XXXXXX)
chmod 755 "$BENCH_ROOT"
BENCH_PORT=$(pg_free_port)
bench_cleanup() {
	pg_stop "$BENCH_ROOT/pgdata" immediate 2>/dev/null
	rm -rf "$BENCH_ROOT"
}
trap bench_cleanup EXIT
pg_init "$BENCH_ROOT/pgdata" postgres || exit 1
pg_start "$BENCH_ROOT/pgdata" "$BENCH_PORT" "$BENCH_ROOT/pg.log" || exit 1
export PGHOST=127.0.0.1 PGPORT=$BENCH_PORT PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
unset DATABASE_URL

# now_ms: a monotonic-enough wall clock in milliseconds.
now_ms() { date +%s%3N; }
