#!/usr/bin/env bash
# bench/bench_apps.sh: the kore apps under wrk (32 connections, loopback)
# against a throwaway PostgreSQL: GET /invoices/{id} with a valid token
# (token check + one primary-key SELECT through kore's async pgsql) and
# GET /healthz; and in the same run the baseline, a pgbench -S-style run
# of the same SELECT text straight to PostgreSQL (32 clients, extended
# protocol as pgbench -S uses, as billing_svc).  Prints req/s, p99 and ratios.
# BENCH_SECONDS (default 10) per measurement.
set -eu
. "$(dirname "$0")/lib.sh"
DUR=${BENCH_SECONDS:-10}
CONNS=32
export BUILD=$TOP/build TEST_TMP=$BENCH_ROOT
set +u
. "$TOP/tests/apps-lib.sh"
set -u
trap 'apps_cleanup; bench_cleanup' EXIT
apps_db bench >/dev/null
app_start auth bench auth 2 4
app_start billing bench billing 2 ${BENCH_CONNS:-16}
A=http://127.0.0.1:$PORT_auth
B=http://127.0.0.1:$PORT_billing

creds='{"email":"bench@example.com","password":"bench password 123"}'
req POST $A/users "$creds"
req POST $A/tokens "$creds"
TOKEN=$(jget "$BODY" access_token)
[ -n "$TOKEN" ] || { echo "bench_apps: no token ($STATUS $BODY)" >&2; exit 1; }
req POST $B/customers '{"name":"Bench Ltd"}' "authorization: Bearer $TOKEN"
CID=$(jget "$BODY" id)
for i in $(seq 1 20); do
	req POST $B/invoices "{\"customer_id\":$CID,\"amount_cents\":$i}" "authorization: Bearer $TOKEN"
done
IID=$(jget "$BODY" id)
req GET $B/invoices/$IID '' "authorization: Bearer $TOKEN"
[ "$STATUS" = 200 ] || { echo "bench_apps: GET /invoices/$IID gives $STATUS" >&2; exit 1; }

# wrk_run NAME URL [HEADER]: prints "req/s p99_ms non2xx".
wrk_run() {
	local out=$BENCH_ROOT/wrk-$1.out
	if [ -n "${3:-}" ]; then
		wrk -t2 -c$CONNS -d${DUR}s --latency -H "$3" "$2" > "$out" 2>&1
	else
		wrk -t2 -c$CONNS -d${DUR}s --latency "$2" > "$out" 2>&1
	fi
	awk '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /s$/) return v * 1000
		return v
	}
	/Requests\/sec:/ { rps = $2 }
	/^ +99%/ { p99 = ms($2) }
	/Non-2xx or 3xx responses:/ { bad = $5 }
	END { printf "%.0f %.2f %d\n", rps, p99, bad + 0 }' "$out"
}

# The SELECT of GET /invoices/{id}, word for word (apps/billing/billing.c).
TS() { printf "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')" "$1"; }
cat > "$BENCH_ROOT/pk.sql" <<SQL
\set id random(1, 20)
SELECT c.owner_user_id, i.id, i.customer_id, i.amount_cents, i.currency::text AS currency, i.status::text AS status, $(TS i.created_at) AS created_at, $(TS i.paid_at) AS paid_at FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id WHERE i.id = :id;
SQL
chmod 644 "$BENCH_ROOT/pk.sql"

# pgbench_run: prints "tps p99_ms" (p99 from the per-transaction log).
pgbench_run() {
	mkdir -p "$BENCH_ROOT/pgb"
	chmod 777 "$BENCH_ROOT/pgb"
	PGPASSWORD=$BILLING_SVC_PASSWORD pgbench -n -h 127.0.0.1 -p "$PGPORT" \
	    -U billing_svc -c $CONNS -j 2 -T "$DUR" -M simple \
	    -f "$BENCH_ROOT/pk.sql" -l --log-prefix="$BENCH_ROOT/pgb/log" bench \
	    > "$BENCH_ROOT/pgbench.out" 2>&1
	local tps p99
	[ -n "${BENCH_DEBUG:-}" ] && cat "$BENCH_ROOT/pgbench.out" >&2
	tps=$(awk '/^tps = / { printf "%.0f", $3 }' "$BENCH_ROOT/pgbench.out")
	p99=$(cat "$BENCH_ROOT"/pgb/log* | awk '{ print $3 }' | sort -n |
	    awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", v[i] / 1000 }')
	echo "$tps $p99"
}

# Warm-up: every worker opens its pool connections (blocking connects).
wrk -t2 -c$CONNS -d2s -H "Authorization: Bearer $TOKEN" "$B/invoices/$IID" >/dev/null 2>&1
wrk -t2 -c$CONNS -d1s "$B/healthz" >/dev/null 2>&1
read -r inv_rps inv_p99 inv_bad <<< "$(wrk_run invoice "$B/invoices/$IID" "Authorization: Bearer $TOKEN")"
read -r hz_rps hz_p99 hz_bad <<< "$(wrk_run healthz "$B/healthz")"
read -r pg_tps pg_p99 <<< "$(pgbench_run)"

echo "bench_apps: $CONNS connections, ${DUR}s each, $(nproc) cores shared by wrk, kore and PostgreSQL"
printf '  %-44s %9s req/s   p99 %7s ms   non-2xx %s\n' \
    "billing GET /invoices/{id} (token + PK SELECT)" "$inv_rps" "$inv_p99" "$inv_bad" \
    "billing GET /healthz (runner_current_version)" "$hz_rps" "$hz_p99" "$hz_bad"
printf '  %-44s %9s tx/s    p99 %7s ms\n' \
    "baseline: pgbench, the same SELECT, direct" "$pg_tps" "$pg_p99"
awk -v a="$inv_rps" -v b="$pg_tps" 'BEGIN { if (b > 0) printf "  ratio GET /invoices/{id} / pgbench baseline: %.2f\n", a / b }'
[ "$inv_bad" = 0 ] && [ "$hz_bad" = 0 ] || { echo "bench_apps: non-2xx responses" >&2; exit 1; }
