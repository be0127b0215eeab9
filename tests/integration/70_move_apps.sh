#!/usr/bin/env bash
# 70_move_apps.sh: billing's app under an invoice writer while `verifier
# move` takes its schema to another cluster and cuts over: every answer is
# 201 or 503 with Retry-After (never 500), the pause is seen as 503s, and
# every invoice acknowledged with 201 is on the target, where the app,
# restarted with the target's URL, writes again.
. "$TOP/tests/apps-lib.sh"
export VERIFIER_CACHE=$TEST_TMP/cache
SRC_DATA=$TEST_TMP/src
SRC_PORT=$(pg_free_port) || { fail "a free port for the source"; exit 1; }
rm -rf "$SRC_DATA"
pg_init "$SRC_DATA" postgres && PG_FSYNC=off PG_WAL_LEVEL=logical \
    pg_start "$SRC_DATA" "$SRC_PORT" "$TEST_TMP/src.log" ||
    { fail "a source cluster with wal_level = logical"; exit 1; }
trap 'apps_cleanup; pg_stop "$SRC_DATA" immediate' EXIT
SRC=d70asrc
TGT=d70atgt
PGPORT=$SRC_PORT apps_db $SRC || { fail "source database"; exit 1; }
apps_db $TGT || { fail "target database"; exit 1; }
SRC_URL=$(PGPORT=$SRC_PORT dburl $SRC)
TGT_URL=$(dburl $TGT)

# billing on the source (it migrates its schema there at start).
PGPORT=$SRC_PORT app_start billing $SRC billing 2 4
B=http://127.0.0.1:$PORT_billing
AUTHZ="authorization: Bearer $(sign_token 7 $(( $(date +%s) + 3600 )))"
req POST $B/customers '{"name":"Move Ltd"}' "$AUTHZ"
check_status "source: customer created" 201
CID=$(jget "$BODY" id)

# Two writers POST invoices until told to stop; each logs "status id
# retry-after" per request (000: no answer within 5 s).
L=$TEST_TMP/load
rm -rf $L; mkdir -p $L
writer() {
	local out st id ra
	while [ ! -f $L/stop ]; do
		out=$(curl -sS -m 5 -D $L/h$1 -X POST -H 'content-type: application/json' -H "$AUTHZ" \
		    --data-binary "{\"customer_id\":$CID,\"amount_cents\":$1,\"currency\":\"EUR\"}" \
		    -w '\n%{http_code}' $B/invoices 2>/dev/null)
		st=${out##*$'\n'}
		id=$(printf '%s' "${out%$'\n'*}" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
		ra=$(tr -d '\r' < $L/h$1 | sed -n 's/^[Rr]etry-[Aa]fter: *//p')
		echo "$st ${id:-0} ${ra:--}" >> $L/w$1.log
		sleep 0.02
	done
}
writer 1 & writer 2 &
sleep 1
mv_=("$VERIFIER" move --schema billing --db "$SRC_URL" --to "$TGT_URL" --timeout 60)
run_capture "${mv_[@]}"
check_eq "move under load: exit 0" 0 "$RC"
[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
ENVF=$TEST_TMP/env.cutover
: > "$ENVF"
run_capture "${mv_[@]}" --cutover --env-file "$ENVF"
check_eq "cutover under load: exit 0" 0 "$RC"
[ $RC -eq 0 ] || echo "$OUT" | sed 's/^/#   /'
PAUSE=$(printf '%s\n' "$OUT" | sed -n 's/.*writes were paused for \([0-9]*\) ms.*/\1/p')
sleep 1.5
touch $L/stop
wait $(jobs -p | grep -v "^$PID_billing$") 2>/dev/null
cat $L/w*.log > $L/all
n201=$(grep -c '^201 ' $L/all)
n503=$(grep -c '^503 ' $L/all)
check_eq "every answer 201 or 503 (no 500, no hang)" "" \
    "$(grep -v -e '^201 ' -e '^503 ' $L/all | cut -d' ' -f1 | sort | uniq -c | tr '\n' ' ')"
check_eq "every 503 has Retry-After: 1" "" "$(grep '^503 ' $L/all | grep -v ' 1$' | head -3)"
if [ "$n201" -gt 0 ] && [ "$n503" -gt 0 ]; then
	pass "writes acknowledged ($n201) and refused with 503 during the pause ($n503)"
else
	fail "writes acknowledged and refused during the pause" "$n201 201s, $n503 503s"
fi
echo "# summary: $n201 invoices acknowledged, $n503 answered 503, cutover pause ${PAUSE} ms"
grep '^201 ' $L/all | cut -d' ' -f2 | sort > $L/acked
q $TGT "SELECT id FROM billing.invoices ORDER BY id" | sort > $L/rows
check_eq "every invoice acknowledged with 201 is on the target" "" "$(comm -23 $L/acked $L/rows | head -5)"

# The app restarted with the target's URL (what --env-file now says).
check_eq "the services file points billing at the target" "BILLING_DATABASE_URL=$TGT_URL" "$(cat "$ENVF")"
app_stop $PID_billing
app_start billing $TGT billing2 2 4
req POST http://127.0.0.1:$PORT_billing2/invoices \
    "{\"customer_id\":$CID,\"amount_cents\":9,\"currency\":\"EUR\"}" "$AUTHZ"
check_status "on the target: POST /invoices 201" 201
check_eq "on the target: its id is past every acknowledged one" 1 \
    "$(( $(jget "$BODY" id) > $(sort -n $L/acked | tail -1) ))"
