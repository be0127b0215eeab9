#!/usr/bin/env bash
# bench/soak.sh: `make soak`.  Both apps against a throwaway PostgreSQL,
# mixed reads and writes at 64 connections (32 per app, wrk on loopback)
# for SOAK_SECONDS (default 120) after a warm-up.  Fails unless: zero 5xx,
# zero socket errors, rows written equal the writes acknowledged, and the
# workers' resident memory at the end is within 10% of its value after
# the warm-up.  Prints the figures.
set -eu
. "$(dirname "$0")/lib.sh"
DUR=${SOAK_SECONDS:-120}
WARM=${SOAK_WARMUP:-15}
export BUILD=$TOP/build TEST_TMP=$BENCH_ROOT
set +u
. "$TOP/tests/apps-lib.sh"
set -u
trap 'apps_cleanup; bench_cleanup' EXIT
apps_db soak >/dev/null
app_start auth soak auth 2 8
app_start billing soak billing 2 8
A=http://127.0.0.1:$PORT_auth
B=http://127.0.0.1:$PORT_billing

creds='{"email":"soak@example.com","password":"soak test password"}'
req POST $A/users "$creds"
[ "$STATUS" = 201 ] || { echo "soak: cannot create the user ($STATUS $BODY)" >&2; exit 1; }
req POST $A/tokens "$creds"
ATOKEN=$(jget "$BODY" access_token)
req POST $B/customers '{"name":"Soak Ltd"}' "authorization: Bearer $ATOKEN"
CID=$(jget "$BODY" id)
for i in $(seq 1 50); do
	req POST $B/invoices "{\"customer_id\":$CID,\"amount_cents\":$i,\"currency\":\"EUR\"}" "authorization: Bearer $ATOKEN"
done

# rss PID: the summed VmRSS (kB) of one app's worker processes.
rss() {
	local w sum=0
	for w in $(pgrep -P "$1"); do
		sum=$((sum + $(awk '/^VmRSS/ {print $2}' /proc/$w/status)))
	done
	echo $sum
}

# wrk's default timeout (2 s) counts a login that waits its turn for a
# core on this saturated 2-core machine; 10 s still catches a hang.
run_wrk() {
	wrk -t1 -c32 -d"$1"s --timeout 10s -s "$TOP/bench/soak.lua" "$B" -- billing "$ATOKEN" "$CID" 50 \
	    > "$BENCH_ROOT/wrk-billing-$2.out" 2>&1 &
	local b=$!
	wrk -t1 -c32 -d"$1"s --timeout 10s -s "$TOP/bench/soak.lua" "$A" -- auth "$ATOKEN" "$creds" 1 \
	    > "$BENCH_ROOT/wrk-auth-$2.out" 2>&1 &
	local a=$!
	wait $a $b
	# The requests in flight when wrk stops still run: a login holds its
	# argon2id block (64 MiB) until its hash ends.  Memory is read once
	# they are done, after the warm-up and at the end alike.
	sleep 3
}

rows() {
	psql -X -qAt -d soak -c "SELECT (SELECT count(*) FROM billing.invoices) || ' ' || (SELECT count(*) FROM auth.tokens)"
}

echo "soak: warm-up ${WARM}s at 64 connections"
run_wrk "$WARM" warm
warm_auth=$(rss "$PID_auth")
warm_billing=$(rss "$PID_billing")
read -r inv0 tok0 <<<"$(rows)"
echo "soak: ${DUR}s at 64 connections (32 on auth, 32 on billing)"
run_wrk "$DUR" main
end_auth=$(rss "$PID_auth")
end_billing=$(rss "$PID_billing")
read -r inv1 tok1 <<<"$(rows)"

fail=0
for app in billing auth; do
	line=$(grep '^RESULT' "$BENCH_ROOT/wrk-$app-main.out")
	echo "soak: $app: $line"
	eval "${line#RESULT }"
	if [ "$n5xx" != 0 ] || [ "$socket_errors" != 0 ] || [ "$timeouts" != 0 ]; then
		echo "soak: $app: FAIL: $n5xx 5xx, $socket_errors socket errors, $timeouts timeouts"; fail=1
	fi
	# wrk stops with up to one request per connection in flight: those
	# are written but never counted, so rows may exceed the count by 32.
	if [ "$app" = billing ]; then rows=$((inv1 - inv0)); else rows=$((tok1 - tok0)); fi
	echo "soak: $app: $writes_ok writes acknowledged, $rows rows written"
	if [ "$rows" -lt "$writes_ok" ] || [ "$rows" -gt $((writes_ok + 32)) ]; then
		echo "soak: $app: FAIL: rows do not match the acknowledged writes"; fail=1
	fi
	warm=warm_$app end=end_$app
	growth=$(echo "scale=1; (${!end} - ${!warm}) * 100 / ${!warm}" | bc)
	echo "soak: $app: workers' RSS after warm-up ${!warm} kB, at the end ${!end} kB (${growth}%)"
	if [ $((${!end} * 10)) -gt $((${!warm} * 11)) ]; then
		echo "soak: $app: FAIL: resident memory grew more than 10%"; fail=1
	fi
done
[ $fail = 0 ] && echo "soak: passed" || { echo "soak: failed"; exit 1; }
