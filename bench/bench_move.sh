#!/usr/bin/env bash
# bench_move.sh: `verifier move` of billing with BENCH_ROWS invoices
# (default 1,000,000) from a source cluster (wal_level = logical) to the
# bench cluster: the copy rate (rows/s) against a baseline of the same
# rows through `COPY ... TO STDOUT | COPY ... FROM STDIN` in the same run,
# their ratio (move/COPY), the whole move's time and the cutover's write
# pause.
set -eu
. "$(dirname "$0")/lib.sh"
N=${BENCH_ROWS:-1000000}
V=${VERIFIER:-$TOP/build/verifier}
export VERIFIER_CACHE=$BENCH_ROOT/cache
SRC_PORT=$(pg_free_port)
pg_init "$BENCH_ROOT/src" postgres
PG_WAL_LEVEL=logical pg_start "$BENCH_ROOT/src" "$SRC_PORT" "$BENCH_ROOT/src.log"
trap 'pg_stop "$BENCH_ROOT/src" immediate 2>/dev/null; bench_cleanup' EXIT
SRC_URL=postgresql://postgres:postgres@127.0.0.1:$SRC_PORT/src
TGT_URL=postgresql://postgres:postgres@127.0.0.1:$PGPORT/tgt
BASE_URL=postgresql://postgres:postgres@127.0.0.1:$PGPORT/base

# init URL: a database made by initdb/.
init() {
	psql -X -q -d "${1%/*}/postgres" -c "CREATE DATABASE ${1##*/}"
	for f in "$TOP"/initdb/*.sql; do
		psql -X -q -d "$1" -v ON_ERROR_STOP=1 -f "$f" >/dev/null
	done
}
init "$SRC_URL"; init "$TGT_URL"; init "$BASE_URL"
for u in "$SRC_URL" "$BASE_URL"; do
	"$V" migrate --schema billing --db "$u" >/dev/null
done
"$V" migrate --schema auth --db "$SRC_URL" >/dev/null
psql -X -q -d "$SRC_URL" -c "INSERT INTO billing.customers (name, owner_user_id)
    SELECT 'c' || g, g FROM generate_series(1, 1000) g" \
    -c "INSERT INTO billing.invoices (customer_id, amount_cents)
    SELECT 1 + g % 1000, g FROM generate_series(1, $N) g" -c "VACUUM ANALYZE"

t0=$(now_ms)
psql -X -q -d "$SRC_URL" -c "COPY billing.customers TO STDOUT" |
    psql -X -q -d "$BASE_URL" -c "COPY billing.customers FROM STDIN"
psql -X -q -d "$SRC_URL" -c "COPY billing.invoices TO STDOUT" |
    psql -X -q -d "$BASE_URL" -c "COPY billing.invoices FROM STDIN"
t1=$(now_ms)
out=$("$V" move --schema billing --db "$SRC_URL" --to "$TGT_URL" --timeout 1800)
t2=$(now_ms)
cut=$("$V" move --schema billing --db "$SRC_URL" --to "$TGT_URL" --cutover)
echo "$out" | grep -E '^copy: [0-9]+ rows in'
rate=$(echo "$out" | sed -n 's/^copy: [0-9]* rows in .* (\([0-9]*\) rows\/s)$/\1/p')
base=$(( (N + 1000) * 1000 / (t1 - t0 > 0 ? t1 - t0 : 1) ))
pause=$(echo "$cut" | sed -n 's/.*writes were paused for \([0-9]*\) ms.*/\1/p')
echo "rows: $N invoices + 1000 customers"
echo "COPY pipe (baseline): $((t1 - t0)) ms, $base rows/s"
echo "move copy: $rate rows/s; ratio move/COPY: $(awk -v a="$rate" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
echo "whole move (preflight, build, copy, verify): $((t2 - t1)) ms"
echo "cutover write pause: $pause ms"
