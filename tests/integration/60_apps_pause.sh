#!/usr/bin/env bash
# 60_apps_pause.sh: the write pause of `verifier move --cutover` as billing
# sees it: its role loses INSERT/UPDATE on its tables (42501 on a write),
# its sessions are terminated (57P01), its new sessions are read-only
# (25006).  Each answer is 503 with Retry-After and the error document,
# never 500; reads go on; writes come back when the grant does.
. "$TOP/tests/apps-lib.sh"
DB=apps_pause
billing_customer $DB "Pause Ltd"
INV="{\"customer_id\":$CID,\"amount_cents\":100,\"currency\":\"EUR\"}"
req POST $B/invoices "$INV" "$AUTHZ"
check_status "setup: invoice created" 201
IID=$(jget "$BODY" id)

# hreq METHOD URL [BODY]: like req, and HDRS gets the response headers.
hreq() {
	local data=${3-}
	local args=(-sS -m 30 -D "$TEST_TMP/hdrs" -o "$TEST_TMP/resp" -w '%{http_code}'
	    -X "$1" -H "$AUTHZ")
	if [ -n "$data" ]; then
		args+=(-H 'content-type: application/json' --data-binary "$data")
	else
		args+=(-H 'content-length: 0')
	fi
	STATUS=$(curl "${args[@]}" "$2" 2>"$TEST_TMP/curl.err")
	BODY=$(cat "$TEST_TMP/resp" 2>/dev/null)
	HDRS=$(tr -d '\r' < "$TEST_TMP/hdrs" 2>/dev/null)
}
# post_n N: N invoices POSTed one after the other; SEEN gets the statuses,
# BAD503 counts the 503s without Retry-After: 1 or an error document.
post_n() {
	local i
	SEEN=""; BAD503=0
	for i in $(seq 1 "$1"); do
		hreq POST $B/invoices "$INV"
		SEEN="$SEEN $STATUS"
		if [ "$STATUS" = 503 ] && { [ "$(retry_after)" != 1 ] ||
		    [ -z "$(jget "$BODY" error.code)" ]; }; then
			BAD503=$((BAD503 + 1))
		fi
	done
}
# not_201_503: the statuses of SEEN other than 201 and 503.
not_201_503() {
	printf '%s\n' $SEEN | grep -v -e '^201$' -e '^503$' | sort -u | tr '\n' ' '
}
# end_sessions: billing_svc's sessions terminated (as the cutover does);
# prints how many.
end_sessions() {
	q $DB "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity
    WHERE usename = 'billing_svc'"
}
# retry_after: the Retry-After value of the last hreq ("" when none).
retry_after() {
	printf '%s\n' "$HDRS" | sed -n 's/^[Rr]etry-[Aa]fter: *//p'
}

# The cutover's revoke, done the way move_cutover.c does it.
q $DB "REVOKE INSERT, UPDATE ON ALL TABLES IN SCHEMA billing FROM billing_svc"
hreq POST $B/invoices "$INV"
check_error "revoked: POST /invoices 503 writes_paused" 503 writes_paused
check_eq "revoked: POST /invoices has Retry-After: 1" 1 "$(retry_after)"
check_contains "revoked: the 503 is JSON" "content-type: application/json" "$HDRS"
hreq POST $B/invoices/$IID/pay
check_error "revoked: pay (WITH ... UPDATE) 503 writes_paused" 503 writes_paused
check_eq "revoked: pay has Retry-After: 1" 1 "$(retry_after)"
hreq POST $B/customers '{"name":"Late Ltd"}'
check_error "revoked: POST /customers 503" 503 writes_paused
hreq GET $B/invoices/$IID
check_status "revoked: reads go on (GET /invoices/{id} 200)" 200
check_eq "revoked: a 200 has no Retry-After" "" "$(retry_after)"
check_eq "revoked: no invoice was written" 1 \
    "$(q $DB "SELECT count(*) FROM billing.invoices")"

q $DB "GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA billing TO billing_svc"
hreq POST $B/invoices "$INV"
check_status "granted back: POST /invoices 201" 201

# The cutover's second half: billing_svc's sessions are ended.  Every
# request after it is 503 (the connection that broke) or served; never 500.
# Sequential requests, so each pooled connection gets drawn and replaced.
n=$(end_sessions)
if [ "$n" -gt 0 ]; then pass "terminated: $n sessions of billing_svc ended"
else fail "terminated: billing_svc had sessions" "$n"; fi
post_n 12
check_eq "terminated: every request 201 or 503 (no 500)" "" "$(not_201_503)"
check_eq "terminated: each 503 has Retry-After and an error document" 0 "$BAD503"
check_eq "terminated: the last requests are served again" "201 201" \
    "$(printf '%s\n' $SEEN | tail -2 | tr '\n' ' ' | sed 's/ $//')"

# New sessions read-only (a standby-like source, 25006): 503, then back.
q $DB "ALTER ROLE billing_svc SET default_transaction_read_only = on"
end_sessions >/dev/null
post_n 10
check_eq "read-only sessions: every write 503 (no 500, no 201)" "503" \
    "$(printf '%s\n' $SEEN | sort -u | tr '\n' ' ' | sed 's/ $//')"
check_eq "read-only sessions: each 503 has Retry-After and an error document" 0 "$BAD503"
q $DB "ALTER ROLE billing_svc RESET default_transaction_read_only"
end_sessions >/dev/null
post_n 10
check_eq "read-only reset: every request 201 or 503" "" "$(not_201_503)"
check_eq "read-only reset: served again" 201 "$STATUS"

check_eq "the app never restarted" 1 "$(kill -0 $PID_billing 2>/dev/null && echo 1 || echo 0)"
check_contains "the log names the revoke's SQLSTATE" "42501" "$(cat $TEST_TMP/billing.log)"
