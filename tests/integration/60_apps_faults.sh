#!/usr/bin/env bash
# 60_apps_faults.sh: PostgreSQL killed (immediate stop) while load creates
# invoices through billing: nothing acknowledged is lost, failed requests
# get 503 (never a crash, a 500 or a hang), the app recovers by itself.
# Then hostile HTTP input: each gets a clear 4xx, the workers live, other
# clients are served.
. "$TOP/tests/apps-lib.sh"
DB=apps_faults
billing_customer $DB "Load Ltd"

# workers: each POSTs invoices in a loop until the stop file appears and
# logs "status id" per request; curl's -m bounds every request (000 = hang).
W=$TEST_TMP/load
mkdir -p $W
load_worker() {
	local n=$1 out st id
	while [ ! -f $W/stop ]; do
		out=$(curl -sS -m 5 -X POST -H 'content-type: application/json' -H "$AUTHZ" \
		    --data-binary "{\"customer_id\":$CID,\"amount_cents\":$n,\"currency\":\"EUR\"}" \
		    -w '\n%{http_code}' $B/invoices 2>/dev/null)
		st=${out##*$'\n'}
		id=$(printf '%s' "${out%$'\n'*}" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
		echo "$st ${id:-0}" >> $W/w$n.log
	done
}
for n in 1 2 3 4 5 6 7 8; do load_worker $n & done
sleep 2
pg_stop "$PGDATA_TEST" immediate
sleep 1.5
pg_start "$PGDATA_TEST" "$PGPORT" "$PGLOG_TEST"
sleep 3
touch $W/stop
wait $(jobs -p | grep -v "^$PID_billing$") 2>/dev/null
cat $W/w*.log > $W/all
total=$(wc -l < $W/all)
n201=$(grep -c '^201 ' $W/all)
n503=$(grep -c '^503 ' $W/all)
other=$(grep -v -e '^201 ' -e '^503 ' $W/all | cut -d' ' -f1 | sort | uniq -c | tr '\n' ' ')
check_eq "load: every request got 201 or 503 (no 500, no hang, no reset)" "" "$other"
if [ "$n503" -gt 0 ] && [ "$n201" -gt 0 ]; then
	pass "load: $total requests, $n201 acknowledged, $n503 refused with 503 while PostgreSQL was down"
else
	fail "load: the outage was seen" "$total requests, $n201 201s, $n503 503s"
fi
# comm wants its input sorted as text (sort -n puts 99 before 100).
grep '^201 ' $W/all | cut -d' ' -f2 | sort > $W/acked
q $DB "SELECT id FROM billing.invoices ORDER BY id" | sort > $W/rows
check_eq "load: every acknowledged invoice exists" "" "$(comm -23 $W/acked $W/rows | head -5)"
check_eq "load: the app never restarted" 1 "$(kill -0 $PID_billing 2>/dev/null && echo 1 || echo 0)"
# A pooled connection that went stale fails once (503) and is replaced, so
# healthz must be back: 8 in a row (a connection the loop does not draw
# may stay stale until it is used; see the slow clients below).
ok=0
for i in $(seq 1 30); do
	req GET $B/healthz
	if [ "$STATUS" = 200 ]; then ok=$((ok + 1)); else ok=0; fi
	[ $ok -ge 8 ] && break
done
check_eq "load: healthz answers 200 again, 8 times in a row (after $i requests)" 8 "$ok"
req POST $B/invoices "{\"customer_id\":$CID,\"amount_cents\":1,\"currency\":\"EUR\"}" "$AUTHZ"
check_status "load: a write works after recovery" 201

# --- hostile HTTP input ----------------------------------------------------
workers_before=$(pgrep -P $PID_billing | sort | tr '\n' ' ')
head -c 2000000 /dev/zero | tr '\0' 'a' > $TEST_TMP/big
STATUS=$(curl -sS -m 10 -o $TEST_TMP/resp -w '%{http_code}' -X POST -H 'content-type: application/json' -H "$AUTHZ" --data-binary @$TEST_TMP/big $B/customers)
check_eq "oversize body: 413" 413 "$STATUS"
nest=$(printf '%0.s[' $(seq 1 5000))
req POST $B/customers "{\"name\":$nest" "$AUTHZ"
check_error "deeply nested JSON: 400" 400 malformed_json
req POST $B/customers $'{"name":"\xff\xfe"}' "$AUTHZ"
check_error "invalid UTF-8: 400" 400 malformed_json
STATUS=$(curl -sS -m 10 -o $TEST_TMP/resp -w '%{http_code}' -X POST -H 'content-type: application/json' -H "$AUTHZ" -H 'transfer-encoding: chunked' --data-binary '{"name":"x"}' $B/customers)
case "$STATUS" in 4??) pass "body without content-length (chunked): $STATUS" ;; *) fail "body without content-length: 4xx" "status $STATUS" ;; esac
junk=()
for i in $(seq 1 10000); do junk+=(-H "x-junk-$i: $RANDOM$RANDOM"); done
STATUS=$(curl -sS -m 10 -o /dev/null -w '%{http_code}' "${junk[@]}" $B/healthz 2>/dev/null)
# Beyond http_header_max kore 4.1 closes the connection without a response
# (000 here); below it, it answers 400.  Either way the worker lives.
case "$STATUS" in 4??|000) pass "10,000 junk headers: refused ($STATUS)" ;; *) fail "10,000 junk headers: refused" "status $STATUS" ;; esac
# Slow clients: 20 connections that send half a request line and stall.
slow=()
for i in $(seq 1 20); do
	( exec 3<>/dev/tcp/127.0.0.1/$PORT_billing; printf 'GET /heal' >&3; sleep 8 ) 2>/dev/null &
	slow+=($!)
done
sleep 0.5
t0=$(date +%s%3N)
req GET $B/healthz
# The kill above can leave a pooled connection stale that the recovery loop
# never drew (up to pgsql_conn_max per worker): its one 503 is the
# documented recovery, so one retry, inside the same time limit.
if [ "$STATUS" = 503 ] && [[ $BODY == *database_unavailable* ]]; then
	req GET $B/healthz
fi
t1=$(date +%s%3N)
check_status "slow clients: others are still served" 200
if [ $((t1 - t0)) -lt 2000 ]; then pass "slow clients: healthz in $((t1 - t0)) ms"; else fail "slow clients: healthz fast" "$((t1 - t0)) ms"; fi
kill "${slow[@]}" 2>/dev/null
wait "${slow[@]}" 2>/dev/null
check_eq "hostile input: the same workers are alive" "$workers_before" "$(pgrep -P $PID_billing | sort | tr '\n' ' ')"
