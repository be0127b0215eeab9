#!/usr/bin/env bash
# 50_apps_plan.sh: GET /invoices under the generic plan a prepared
# statement settles on.  billing's sessions run with auto_explain and
# plan_cache_mode = force_generic_plan; among 30,000 other invoices, a user
# with three must be served from invoices_customer_id_id_idx (the user's
# customers, then a page per customer) and never by walking the primary
# key of invoices.  Pages across several customers come in id order,
# whole, with every filter.
. "$TOP/tests/apps-lib.sh"
DB=apps_plan
apps_db $DB || { fail "fresh database"; exit 1; }
trap apps_restore_cluster EXIT
psql -X -q -d $DB -v ON_ERROR_STOP=1 \
    -c "ALTER ROLE billing_svc IN DATABASE $DB SET session_preload_libraries = 'auto_explain'" \
    -c "ALTER ROLE billing_svc IN DATABASE $DB SET auto_explain.log_min_duration = 0" \
    -c "ALTER ROLE billing_svc IN DATABASE $DB SET plan_cache_mode = force_generic_plan" >/dev/null ||
    { fail "auto_explain settings"; exit 1; }

app_start billing $DB billing 1 2
B=http://127.0.0.1:$PORT_billing
# Other users: 300 customers with 100 invoices each.
psql -X -q -d $DB -v ON_ERROR_STOP=1 \
    -c "INSERT INTO billing.customers (name, owner_user_id) SELECT 'other ' || g, 1000 + g FROM generate_series(1, 300) g" \
    -c "INSERT INTO billing.invoices (customer_id, amount_cents) SELECT c.id, g FROM billing.customers c, generate_series(1, 100) g" \
    -c "ANALYZE billing.customers" -c "ANALYZE billing.invoices" >/dev/null ||
    { fail "other users' rows"; exit 1; }

# User 7: one customer, three invoices.
H7="authorization: Bearer $(sign_token 7 $(( $(date +%s) + 600 )))"
req POST $B/customers '{"name":"Few Ltd"}' "$H7"
C7=$(jget "$BODY" id)
for a in 1 2 3; do
	req POST $B/invoices "{\"customer_id\":$C7,\"amount_cents\":$a}" "$H7"
done
want7=$(q $DB "SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM billing.invoices i WHERE i.customer_id = $C7")

logpos=$(stat -c %s "$PGLOG_TEST")
for n in 1 2 3 4 5 6 7; do
	req GET "$B/invoices?limit=20" '' "$H7"
done
check_eq "user with 3 of 30,003 invoices: the page, 7 times" "200|$want7" \
    "$STATUS|$(python3 -c 'import json,sys; print(",".join(str(i["id"]) for i in json.loads(sys.argv[1])["items"]))' "$BODY")"
req GET "$B/invoices?status=open&limit=2" '' "$H7"
check_eq "status filter: a page of 2 and a next page" "200|2|$(echo "$want7" | cut -d, -f2)" \
    "$STATUS|$(jget "$BODY" items | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')|$(jget "$BODY" next_after)"
req GET "$B/invoices?customer_id=$C7&limit=20" '' "$H7"
check_status "customer filter: 200" 200
req GET "$B/invoices?customer_id=$C7&status=paid" '' "$H7"
check_eq "customer and status filters: none paid" '200|[]' "$STATUS|$(jget "$BODY" items)"
sleep 0.5
plans=$(tail -c +$((logpos + 1)) "$PGLOG_TEST")
nplans=$(grep -c "Query Text: SELECT i.id.*CROSS JOIN LATERAL" <<<"$plans")
if [ "$nplans" -ge 10 ]; then pass "auto_explain logged the plans of the list statements ($nplans)"
else fail "auto_explain logged the plans of the list statements" "$nplans plans; log: $(head -c 2000 <<<"$plans")"; fi
check_eq "generic plans: one placeholder plan each ($nplans plans read with \$n)" 0 \
    "$(grep -c "owner_user_id = 7" <<<"$plans")"
check_eq "generic plans: invoices read through invoices_customer_id_id_idx" "$nplans" \
    "$(grep -c "Index Scan using invoices_customer_id_id_idx on invoices" <<<"$plans")"
check_eq "generic plans: never the primary key of invoices" 0 \
    "$(grep -c "invoices_pkey" <<<"$plans")"

# User 8: three customers whose invoices interleave; pages of 2 walk all,
# in id order, with and without the status filter.
H8="authorization: Bearer $(sign_token 8 $(( $(date +%s) + 600 )))"
psql -X -q -d $DB -v ON_ERROR_STOP=1 \
    -c "INSERT INTO billing.customers (name, owner_user_id) SELECT 'mine ' || g, 8 FROM generate_series(1, 3) g" \
    -c "INSERT INTO billing.invoices (customer_id, amount_cents, status) SELECT c.id, g, (CASE WHEN g % 3 = 0 THEN 'paid' ELSE 'open' END)::billing.invoice_status FROM generate_series(1, 7) g, billing.customers c WHERE c.owner_user_id = 8 ORDER BY g, c.id" >/dev/null
# walk QUERY: the ids of every page of 2, comma separated.
walk() {
	local after= ids= page
	for n in $(seq 1 30); do
		req GET "$B/invoices?limit=2$1${after:+&after=$after}" '' "$H8"
		page=$(python3 -c 'import json,sys; print(",".join(str(i["id"]) for i in json.loads(sys.argv[1])["items"]))' "$BODY")
		ids=${ids:+$ids,}$page
		after=$(jget "$BODY" next_after)
		[ -z "$after" ] && break
	done
	echo "$ids"
}
check_eq "3 customers, 21 invoices: pages of 2 in id order" \
    "$(q $DB "SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id WHERE c.owner_user_id = 8")" \
    "$(walk '')"
check_eq "3 customers: pages of 2 of the open ones" \
    "$(q $DB "SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id WHERE c.owner_user_id = 8 AND i.status = 'open'")" \
    "$(walk '&status=open')"
C8=$(q $DB "SELECT min(id) FROM billing.customers WHERE owner_user_id = 8")
check_eq "one of the 3 customers: pages of 2 of its paid ones" \
    "$(q $DB "SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM billing.invoices i WHERE i.customer_id = $C8 AND i.status = 'paid'")" \
    "$(walk "&status=paid&customer_id=$C8")"
req GET "$B/invoices?customer_id=$C8" '' "$H7"
check_eq "another user's customer: an empty page" '200|[]' "$STATUS|$(jget "$BODY" items)"
