#!/usr/bin/env bash
# 50_apps_restart.sh: the billing app across PostgreSQL going down and
# restarting (the suite's throwaway cluster, restored before the script
# ends): 503 while down or on the one stale connection, never a crash,
# and the next request works.
. "$TOP/tests/apps-lib.sh"
DB=apps_restart
apps_db $DB || { fail "fresh database"; exit 1; }

# The cluster comes back whatever happens below.
trap apps_restore_cluster EXIT

# One worker with one connection: the stale connection is the next one used.
app_start billing $DB billing 1 1
B=http://127.0.0.1:$PORT_billing
H="authorization: Bearer $(sign_token 1 $(( $(date +%s) + 600 )))"
req POST $B/customers '{"name":"Restart Ltd"}' "$H"
req POST $B/invoices "{\"customer_id\":$(jget "$BODY" id),\"amount_cents\":100}" "$H"
I=$(jget "$BODY" id)
req GET $B/invoices/$I '' "$H"
check_status "before: 200" 200
req GET $B/healthz
check_status "before: healthz 200" 200
worker_pids() { pgrep -P "$PID_billing" | sort | paste -sd ' '; }
workers=$(worker_pids)

# --- down ---------------------------------------------------------------------
pg_stop "$PGDATA_TEST" fast
req GET $B/invoices/$I '' "$H"
check_error "database down: GET /invoices/{id} 503" 503 database_unavailable
req GET $B/invoices/$I '' "$H"
check_error "database still down: 503 again" 503 database_unavailable
req GET $B/healthz
check_error "database down: healthz 503" 503 database_unavailable
req POST $B/invoices/$I/pay '' "$H"
check_error "database down: pay 503" 503 database_unavailable
pg_start "$PGDATA_TEST" "$PGPORT" "$PGLOG_TEST"
req GET $B/invoices/$I '' "$H"
check_status "database back: the next request works" 200
req GET $B/healthz
check_status "database back: healthz 200" 200

# --- a restart while idle: one stale connection --------------------------------
pg_stop "$PGDATA_TEST" fast
pg_start "$PGDATA_TEST" "$PGPORT" "$PGLOG_TEST"
req GET $B/invoices/$I '' "$H"
check_error "after a restart: the stale connection gives one 503" 503 database_unavailable
req GET $B/invoices/$I '' "$H"
check_status "after a restart: the next one works" 200
req GET $B/healthz
first=$STATUS
req GET $B/healthz
check_eq "after a restart: healthz shares the pool, whose connection is fresh again: 200 200" "200 200" "$first $STATUS"

# --- healthz first after a restart: it finds the stale connection itself -------
pg_stop "$PGDATA_TEST" fast
pg_start "$PGDATA_TEST" "$PGPORT" "$PGLOG_TEST"
req GET $B/healthz
check_error "healthz first after a restart: the stale pooled connection gives one 503" 503 database_unavailable
req GET $B/healthz
check_status "healthz first after a restart: then 200" 200
check_eq "healthz: the version is the newest migration" "$(head_version billing)" "$(jget "$BODY" version)"
req GET $B/invoices/$I '' "$H"
check_status "healthz first after a restart: the invoice read works" 200
check_eq "no worker was lost or restarted" "$workers" "$(worker_pids)"
if grep -qi "died\|sandbox violation\|ERROR: AddressSanitizer\|runtime error" "$TEST_TMP/billing.log"; then
	fail "no crash in the log" "$(grep -i -m5 "died\|violation\|sanitizer\|runtime error" "$TEST_TMP/billing.log")"
else
	pass "no crash in the log"
fi
