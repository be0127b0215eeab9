#!/usr/bin/env bash
# bench/bench_apps.sh: the kore apps under h2load (HTTP/1.1, 32 connections,
# loopback)
# against a throwaway PostgreSQL, and in the same run pgbench (32 clients,
# as billing_svc) running their statements straight to PostgreSQL:
#   GET /invoices/{id} (token check + prepared PK SELECT) against
#     - the old baseline: the app's former SELECT (join + to_char) through
#       the simple protocol, as before issue 15;
#     - the limit: pgbench -M prepared on the plain primary-key read of
#       billing.invoices;
#   POST /invoices and GET /invoices?status=open against pgbench -M
#   prepared running the app's INSERT and page SELECT; GET /healthz.
# Prints req/s, p99 and the ratios.  BENCH_SECONDS (default 10) per
# measurement; BENCH_WORKERS (1), BENCH_CONNS (pool per worker, 32) and
# BENCH_ACCEPT (worker_accept_threshold, 1) set billing's kore config;
# BENCH_QUICK=1 measures GET /invoices/{id} and the limit only (tuning);
# BENCH_BUILD picks another build folder (build/apps/*.so by default);
# BENCH_DEBUG=1 shows the h2load and pgbench outputs and billing's connections.
set -eu
. "$(dirname "$0")/lib.sh"
DUR=${BENCH_SECONDS:-10}
CONNS=32
export BUILD=${BENCH_BUILD:-$TOP/build} TEST_TMP=$BENCH_ROOT
set +u
. "$TOP/tests/apps-lib.sh"
set -u
trap 'apps_cleanup; bench_cleanup' EXIT
apps_db bench >/dev/null
app_start auth bench auth 2 4
WORKERS=${BENCH_WORKERS:-1} POOL=${BENCH_CONNS:-32} ACCEPT=${BENCH_ACCEPT:-1}
export APP_ACCEPT_THRESHOLD=$ACCEPT
app_start billing bench billing $WORKERS $POOL
A=http://127.0.0.1:$PORT_auth
B=http://127.0.0.1:$PORT_billing

creds='{"email":"bench@example.com","password":"bench password 123"}'
req POST $A/users "$creds"
req POST $A/tokens "$creds"
TOKEN=$(jget "$BODY" access_token)
[ -n "$TOKEN" ] || { echo "bench_apps: no token ($STATUS $BODY)" >&2; exit 1; }
req POST $B/customers '{"name":"Bench Ltd"}' "authorization: Bearer $TOKEN"
CID=$(jget "$BODY" id)
UID_=$(jget "$BODY" owner_user_id)
for i in $(seq 1 20); do
	req POST $B/invoices "{\"customer_id\":$CID,\"amount_cents\":$i}" "authorization: Bearer $TOKEN"
done
IID=$(jget "$BODY" id)
req GET $B/invoices/$IID '' "authorization: Bearer $TOKEN"
[ "$STATUS" = 200 ] || { echo "bench_apps: GET /invoices/$IID gives $STATUS" >&2; exit 1; }

# h2_run NAME URL [HEADER [BODYFILE]]: prints "req/s p99_ms non2xx".  The
# client is h2load (nghttp2-client) in HTTP/1.1 mode, 32 keep-alive
# connections on 2 threads, with p99 taken from its per-request log.  Not
# wrk: on this machine wrk's latency figures break Little's law (at
# 22,000 req/s over 32 connections the mean latency can be at most 1.5 ms;
# wrk reported a mean of 14-42 ms and a p99 of 0.1-0.6 s for the same runs
# in which h2load's per-request log gives a mean of 1.7 ms and a p99 of
# 3 ms).  A BODYFILE makes it a POST of that JSON.
h2_run() {
	local out=$BENCH_ROOT/h2-$1 url=$2 hdr=${3:-} body=${4:-}
	local -a args=(--h1 -t2 -c$CONNS -D$DUR --log-file="$out.log")
	rm -f "$out.log"
	[ -n "$hdr" ] && args+=(-H "$hdr")
	[ -n "$body" ] && args+=(-d "$body" -H "content-type: application/json")
	h2load "${args[@]}" "$url" > "$out.out" 2>&1
	[ -n "${BENCH_DEBUG:-}" ] && cat "$out.out" >&2
	local rps bad p99
	rps=$(awk '/^finished in/ { printf "%.0f", $4 }' "$out.out")
	bad=$(awk '/^status codes:/ { gsub(",", ""); print $5 + $7 + $9 }' "$out.out")
	p99=$(awk '{ print $3 }' "$out.log" | sort -n |
	    awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }')
	echo "${rps:-0} ${p99:-0} ${bad:-1}"
}

# The old baseline: the SELECT GET /invoices/{id} ran before issue 15
# (join + to_char and casts in SQL), through the simple protocol.
TS() { printf "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')" "$1"; }
cat > "$BENCH_ROOT/pk.sql" <<SQL
\set id random(1, 20)
SELECT c.owner_user_id, i.id, i.customer_id, i.amount_cents, i.currency::text AS currency, i.status::text AS status, $(TS i.created_at) AS created_at, $(TS i.paid_at) AS paid_at FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id WHERE i.id = :id;
SQL
# The limit: the plain primary-key read (pgbench -M prepared).
cat > "$BENCH_ROOT/pkplain.sql" <<SQL
\set id random(1, 20)
SELECT * FROM billing.invoices WHERE id = :id;
SQL
# The app's statements now (apps/billing/billing.c: st_invoice_insert and
# st_list[1]), for POST /invoices and GET /invoices?status=open.
COLS="i.id, i.customer_id, i.amount_cents, i.currency, i.status, i.created_at, i.paid_at"
cat > "$BENCH_ROOT/insert.sql" <<SQL
INSERT INTO billing.invoices AS i (customer_id, amount_cents, currency) SELECT c.id, 4200::bigint, 'EUR' FROM billing.customers c WHERE c.id = $CID::bigint AND c.owner_user_id = $UID_::bigint RETURNING $COLS;
SQL
cat > "$BENCH_ROOT/list.sql" <<SQL
SELECT $COLS FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id WHERE c.owner_user_id = $UID_::bigint AND i.id > 0::bigint AND i.status = 'open'::billing.invoice_status ORDER BY i.id LIMIT 21::integer;
SQL
chmod 644 "$BENCH_ROOT"/*.sql

# pgbench_run NAME MODE FILE: prints "tps p99_ms" (p99 from the
# per-transaction log).
pgbench_run() {
	local dir=$BENCH_ROOT/pgb-$1 tps p99
	mkdir -p "$dir"
	chmod 777 "$dir"
	PGPASSWORD=$BILLING_SVC_PASSWORD pgbench -n -h 127.0.0.1 -p "$PGPORT" \
	    -U billing_svc -c $CONNS -j 2 -T "$DUR" -M "$2" \
	    -f "$3" -l --log-prefix="$dir/log" bench \
	    > "$dir/out" 2>&1
	[ -n "${BENCH_DEBUG:-}" ] && cat "$dir/out" >&2
	tps=$(awk '/^tps = / { printf "%.0f", $3 }' "$dir/out")
	p99=$(cat "$dir"/log* | awk '{ print $3 }' | sort -n |
	    awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }')
	echo "$tps $p99"
}

# Warm-up: every worker opens its pool connections (blocking connects).
h2load --h1 -t2 -c$CONNS -D2 -H "Authorization: Bearer $TOKEN" "$B/invoices/$IID" >/dev/null 2>&1
h2load --h1 -t2 -c$CONNS -D1 "$B/healthz" >/dev/null 2>&1
bconns() { psql -X -At -d bench -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'billing_svc'"; }
[ -n "${BENCH_DEBUG:-}" ] && echo "billing connections after the warm-up: $(bconns)" >&2
read -r inv_rps inv_p99 inv_bad <<< "$(h2_run invoice "$B/invoices/$IID" "Authorization: Bearer $TOKEN")"
[ -n "${BENCH_DEBUG:-}" ] && echo "billing connections after GET /invoices/{id}: $(bconns)" >&2
read -r pk_tps pk_p99 <<< "$(pgbench_run pkplain prepared "$BENCH_ROOT/pkplain.sql")"
if [ -n "${BENCH_QUICK:-}" ]; then
	# For tuning: only GET /invoices/{id} and the limit.
	echo "quick: workers $WORKERS pool $POOL accept $ACCEPT: GET /invoices/{id} $inv_rps req/s p99 $inv_p99 ms, limit $pk_tps tx/s p99 $pk_p99 ms, ratio $(awk -v a="$inv_rps" -v b="$pk_tps" 'BEGIN { printf "%.2f", a / b }')"
	exit 0
fi
read -r old_tps old_p99 <<< "$(pgbench_run pk simple "$BENCH_ROOT/pk.sql")"
read -r ls_rps ls_p99 ls_bad <<< "$(h2_run list "$B/invoices?status=open" "Authorization: Bearer $TOKEN")"
read -r pl_tps pl_p99 <<< "$(pgbench_run list prepared "$BENCH_ROOT/list.sql")"
printf '{"customer_id":%s,"amount_cents":4200}' "$CID" > "$BENCH_ROOT/post.json"
read -r po_rps po_p99 po_bad <<< "$(h2_run post "$B/invoices" "Authorization: Bearer $TOKEN" "$BENCH_ROOT/post.json")"
read -r pi_tps pi_p99 <<< "$(pgbench_run insert prepared "$BENCH_ROOT/insert.sql")"
read -r hz_rps hz_p99 hz_bad <<< "$(h2_run healthz "$B/healthz")"

echo "bench_apps: $CONNS connections, ${DUR}s each, $(nproc) cores shared by h2load, kore and PostgreSQL"
echo "  billing: workers $WORKERS, pgsql_conn_max $POOL, worker_accept_threshold $ACCEPT"
printf '  %-52s %9s req/s   p99 %7s ms   non-2xx %s\n' \
    "billing GET /invoices/{id} (token + prepared PK SELECT)" "$inv_rps" "$inv_p99" "$inv_bad"
printf '  %-52s %9s tx/s    p99 %7s ms\n' \
    "limit: pgbench -M prepared, plain PK read" "$pk_tps" "$pk_p99" \
    "old baseline: pgbench -M simple, old join+to_char" "$old_tps" "$old_p99"
printf '  %-52s %9s req/s   p99 %7s ms   non-2xx %s\n' \
    "billing GET /invoices?status=open (page of 20)" "$ls_rps" "$ls_p99" "$ls_bad"
printf '  %-52s %9s tx/s    p99 %7s ms\n' \
    "pgbench -M prepared, the same page SELECT" "$pl_tps" "$pl_p99"
printf '  %-52s %9s req/s   p99 %7s ms   non-2xx %s\n' \
    "billing POST /invoices" "$po_rps" "$po_p99" "$po_bad"
printf '  %-52s %9s tx/s    p99 %7s ms\n' \
    "pgbench -M prepared, the same INSERT" "$pi_tps" "$pi_p99"
printf '  %-52s %9s req/s   p99 %7s ms   non-2xx %s\n' \
    "billing GET /healthz (prepared, pooled)" "$hz_rps" "$hz_p99" "$hz_bad"
ratio() { awk -v a="$2" -v b="$3" -v d="$1" 'BEGIN { if (b > 0) printf "  ratio %-58s %.2f\n", d, a / b }'; }
ratio "GET /invoices/{id} / limit (pgbench -M prepared PK read)" "$inv_rps" "$pk_tps"
ratio "GET /invoices/{id} / old baseline (simple, join+to_char)" "$inv_rps" "$old_tps"
ratio "GET /invoices?status=open / pgbench of its SELECT" "$ls_rps" "$pl_tps"
ratio "POST /invoices / pgbench of its INSERT" "$po_rps" "$pi_tps"
[ "$inv_bad" = 0 ] && [ "$ls_bad" = 0 ] && [ "$po_bad" = 0 ] && [ "$hz_bad" = 0 ] ||
    { echo "bench_apps: non-2xx responses" >&2; exit 1; }
