#!/usr/bin/env bash
# 50_apps_prepared.sh: the apps run their statements prepared, once per
# pooled connection (PostgreSQL's log: one parse, then bind/execute per
# request), prepare again on the new connection after a PostgreSQL
# restart, and format timestamps, enums and ids in C from binary results
# exactly as to_char() in UTC did, whatever the session's time zone.
. "$TOP/tests/apps-lib.sh"
DB=apps_prepared
apps_db $DB || { fail "fresh database"; exit 1; }
# The cluster comes back whatever happens below.
trap apps_restore_cluster EXIT
# Every parse, bind and execute of billing_svc in the log; a time zone far
# from UTC for its sessions (the JSON must not change with it).
psql -X -q -d $DB -v ON_ERROR_STOP=1 \
    -c "ALTER ROLE billing_svc IN DATABASE $DB SET log_min_duration_statement = 0" \
    -c "ALTER ROLE billing_svc IN DATABASE $DB SET timezone = 'Asia/Kathmandu'" \
    -c "ALTER ROLE billing_svc IN DATABASE $DB SET datestyle = 'SQL, DMY'" >/dev/null ||
    { fail "log settings"; exit 1; }

# One worker, one pooled connection.
app_start billing $DB billing 1 1
B=http://127.0.0.1:$PORT_billing
H="authorization: Bearer $(sign_token 7 $(( $(date +%s) + 600 )))"
req POST $B/customers '{"name":"Prepared Ltd","email":"p@example.com"}' "$H"
check_status "POST /customers: 201" 201
C=$(jget "$BODY" id)
check_eq "customer: created_at as to_char in UTC" \
    "$(q $DB "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM billing.customers WHERE id = $C")" \
    "$(jget "$BODY" created_at)"
check_eq "customer: owner and email" "7|p@example.com" "$(jget "$BODY" owner_user_id)|$(jget "$BODY" email)"
req POST $B/invoices "{\"customer_id\":$C,\"amount_cents\":1234,\"currency\":\"USD\"}" "$H"
I=$(jget "$BODY" id)
check_eq "POST /invoices: 201, enum and char(3) as text, paid_at null" \
    "201|open|USD|1234|None" \
    "$STATUS|$(jget "$BODY" status)|$(jget "$BODY" currency)|$(jget "$BODY" amount_cents)|$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["paid_at"])' "$BODY")"

logpos=$(stat -c %s "$PGLOG_TEST")
for n in 1 2 3 4 5; do
	req GET $B/invoices/$I '' "$H"
done
check_status "GET /invoices/{id}: 200" 200
sleep 0.5
newlog() { tail -c +$((logpos + 1)) "$PGLOG_TEST"; }
stmt="FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id WHERE i.id = \$1::bigint"
check_eq "5 GETs: prepared once on the connection, executed 5 times by name" "1 5 0" \
    "$(newlog | grep -c "parse appq_[0-9]*: SELECT c.owner_user_id.*$stmt") $(newlog | grep -c "execute appq_[0-9]*: SELECT c.owner_user_id.*$stmt") $(newlog | grep -c "statement: SELECT c.owner_user_id\|execute <unnamed>: SELECT c.owner_user_id")"
req POST $B/invoices/$I/pay '' "$H"
check_status "pay: 200" 200
check_eq "pay: paid_at as to_char in UTC, status paid" \
    "$(q $DB "SELECT to_char(paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM billing.invoices WHERE id = $I")|paid" \
    "$(jget "$BODY" paid_at)|$(jget "$BODY" status)"
req GET "$B/invoices?status=paid" '' "$H"
check_eq "GET /invoices?status=paid: the paid invoice, same JSON as GET by id" \
    "200|$I|paid|" "$STATUS|$(jget "$BODY" items.0.id)|$(jget "$BODY" items.0.status)|$(jget "$BODY" next_after)"
req GET "$B/invoices?status=open&customer_id=$C" '' "$H"
check_eq "GET /invoices?status=open&customer_id=: none" '200|[]' "$STATUS|$(jget "$BODY" items)"

# A restart: the stale connection fails once (503), the reset one prepares again.
pg_stop "$PGDATA_TEST" fast
pg_start "$PGDATA_TEST" "$PGPORT" "$PGLOG_TEST"
logpos=$(stat -c %s "$PGLOG_TEST")
req GET $B/invoices/$I '' "$H"
check_error "after a restart: the stale connection gives one 503" 503 database_unavailable
req GET $B/invoices/$I '' "$H"
check_status "after a restart: the next request works" 200
req GET $B/invoices/$I '' "$H"
sleep 0.5
check_eq "after a restart: prepared again once on the new connection" "1 2" \
    "$(newlog | grep -c "parse appq_[0-9]*: SELECT c.owner_user_id.*$stmt") $(newlog | grep -c "execute appq_[0-9]*: SELECT c.owner_user_id.*$stmt")"
if grep -qi "died\|sandbox violation\|ERROR: AddressSanitizer\|runtime error" "$TEST_TMP/billing.log"; then
	fail "no crash in the log" "$(grep -i -m5 "died\|violation\|sanitizer\|runtime error" "$TEST_TMP/billing.log")"
else
	pass "no crash in the log"
fi
