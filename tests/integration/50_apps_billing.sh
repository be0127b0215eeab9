#!/usr/bin/env bash
# 50_apps_billing.sh: the billing app over HTTP (curl) with tokens from a
# running auth app: every route, every error status, token checks,
# ownership, keyset pagination, the double-pay race, and the roles'
# isolation enforced by PostgreSQL itself.
. "$TOP/tests/apps-lib.sh"
DB=apps_billing
apps_db $DB || { fail "fresh database"; exit 1; }
app_start auth $DB auth
app_start billing $DB billing
A=http://127.0.0.1:$PORT_auth
B=http://127.0.0.1:$PORT_billing

# token EMAIL: a user and a token from the auth app.
token() {
	req POST $A/users "{\"email\":\"$1\",\"password\":\"correct horse battery\"}"
	req POST $A/tokens "{\"email\":\"$1\",\"password\":\"correct horse battery\"}"
	jget "$BODY" access_token
}
TA=$(token ann@example.com)
TB=$(token bob@example.com)
HA="authorization: Bearer $TA"
HB="authorization: Bearer $TB"
UA=$(echo "$TA" | cut -d. -f2)

# --- service routes -------------------------------------------------------
req GET $B/healthz
check_eq "healthz: 200 with billing's version" "200|billing|20261202042138" \
    "$STATUS|$(jget "$BODY" schema)|$(jget "$BODY" version)"
check_eq "start-up migrated billing as billing_svc" "billing_svc" \
    "$(q $DB "SELECT string_agg(DISTINCT applied_by, ',') FROM billing.schema_migrations")"
req GET $B/openapi.json
check_eq "openapi.json: every billing route and method" \
    "/customers post|/customers/{id} get|/invoices get|/invoices post|/invoices/{id} get|/invoices/{id}/pay post" \
    "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print("|".join(p+" "+m for p in sorted(d["paths"]) for m in sorted(d["paths"][p]) if p.startswith(("/customers","/invoices"))))' < "$TEST_TMP/resp")"
check_eq "openapi.json: every documented error status has the error shape" "ok" \
    "$(python3 -c 'import json,sys
d=json.load(sys.stdin)
bad=[(p,m,c) for p in d["paths"] for m,o in d["paths"][p].items() for c,r in o["responses"].items()
     if c[0] in "45" and "#/components/schemas/Error" not in json.dumps(r) and c != "503"]
print("ok" if not bad else bad)' < "$TEST_TMP/resp")"

# --- tokens ------------------------------------------------------------------
req GET $B/invoices
check_error "no token: 401" 401 unauthorized
req GET $B/invoices '' "authorization: Bearer ${TA%?}x"
check_error "tampered signature: 401" 401 unauthorized
req GET $B/invoices '' "authorization: Bearer $(echo "$TA" | sed "s/^v1\.$UA\./v1.$((UA + 1))./")"
check_error "tampered user id: 401" 401 unauthorized
req GET $B/invoices '' "authorization: Bearer $(sign_token "$UA" $(( $(date +%s) - 1 )))"
check_error "expired: 401" 401 unauthorized
check_eq "expired: says so" "the token has expired" "$(jget "$BODY" error.message)"
req GET $B/invoices '' "authorization: Bearer $(sign_token "$UA" $(( $(date +%s) + 60 )) another-secret-of-at-least-32-chars!!)"
check_error "signed with another secret: 401" 401 unauthorized
req GET $B/invoices '' "authorization: Bearer $(sign_token "$UA" $(( $(date +%s) + 60 )))"
check_status "well signed, unexpired: accepted without reading auth" 200

# --- customers -----------------------------------------------------------------
req POST $B/customers '{"name":"Acme <b>&\"co\"","email":"billing@acme.example"}' "$HA"
check_status "POST /customers: 201" 201
C1=$(jget "$BODY" id)
check_eq "POST /customers: owner is the token's user" "$UA" "$(jget "$BODY" owner_user_id)"
check_contains "strings are escaped in JSON" '"Acme \u003cb\u003e\u0026\"co\""' "$BODY"
check_eq "escaped JSON decodes to the stored name" 'Acme <b>&"co"' "$(jget "$BODY" name)"
req POST $B/customers '{"name":"No Mail"}' "$HA"
check_eq "POST /customers: email optional (null)" "201|" "$STATUS|$(jget "$BODY" email)"
req POST $B/customers '{"name":' "$HA"
check_error "POST /customers: malformed 400" 400 malformed_json
req POST $B/customers '{"name":"X"}'
check_error "POST /customers: no token 401" 401 unauthorized
STATUS=$(curl -sS -o "$TEST_TMP/resp" -w '%{http_code}' -X POST -H "$HA" -H 'content-type: application/x-www-form-urlencoded' --data 'name=X' $B/customers); BODY=$(cat "$TEST_TMP/resp")
check_error "POST /customers: form body 415" 415 unsupported_media_type
req POST $B/customers "{\"name\":\"$(head -c 17000 /dev/zero | tr '\0' x)\"}" "$HA"
check_error "POST /customers: 17 kB body 413" 413 payload_too_large
req GET $B/customers/$C1 '' "$HA"
check_eq "GET /customers/{id}: 200" "200|$C1" "$STATUS|$(jget "$BODY" id)"
req GET $B/customers/$C1 '' "$HB"
check_error "GET /customers/{id}: another user's 403" 403 forbidden
req GET $B/customers/999999 '' "$HA"
check_error "GET /customers/{id}: missing 404" 404 not_found
req GET $B/customers/abc '' "$HA"
check_error "GET /customers/abc: 404" 404 not_found
req DELETE $B/customers/$C1 '' "$HA"
check_error "DELETE /customers/{id}: 405" 405 method_not_allowed
req GET $B/customers '' "$HA"
check_error "GET /customers: 405" 405 method_not_allowed

# --- invoices --------------------------------------------------------------------
req POST $B/invoices "{\"customer_id\":$C1,\"amount_cents\":1999,\"currency\":\"USD\"}" "$HA"
check_status "POST /invoices: 201" 201
I1=$(jget "$BODY" id)
check_eq "POST /invoices: open, USD, not paid" "open|USD|1999|" \
    "$(jget "$BODY" status)|$(jget "$BODY" currency)|$(jget "$BODY" amount_cents)|$(jget "$BODY" paid_at)"
req POST $B/invoices "{\"customer_id\":$C1,\"amount_cents\":5}" "$HA"
check_eq "POST /invoices: currency defaults to EUR" "201|EUR" "$STATUS|$(jget "$BODY" currency)"
# Bodies refused with 422: what, path, authorization, body.
while IFS='|' read -r what path hdr body <&3; do
	req POST "$B/$path" "$body" "$hdr"
	check_error "POST /$path: $what 422" 422 validation_failed
done 3<<EOF
empty name|customers|$HA|{"name":""}
bad email|customers|$HA|{"name":"X","email":"nope"}
negative amount|invoices|$HA|{"customer_id":$C1,"amount_cents":-5}
bad currency|invoices|$HA|{"customer_id":$C1,"amount_cents":5,"currency":"euro"}
another user's customer|invoices|$HB|{"customer_id":$C1,"amount_cents":5}
missing customer|invoices|$HA|{"customer_id":999999,"amount_cents":5}
EOF
req POST $B/invoices '{"customer_id":1,"amount_cents":5,}' "$HA"
check_error "POST /invoices: malformed 400" 400 malformed_json
req GET $B/invoices/$I1 '' "$HA"
check_eq "GET /invoices/{id}: 200" "200|$I1|$C1" "$STATUS|$(jget "$BODY" id)|$(jget "$BODY" customer_id)"
req GET $B/invoices/$I1 '' "$HB"
check_error "GET /invoices/{id}: another user's 403" 403 forbidden
req GET $B/invoices/999999 '' "$HA"
check_error "GET /invoices/{id}: missing 404" 404 not_found
req PUT $B/invoices/$I1 '{}' "$HA"
check_error "PUT /invoices/{id}: 405" 405 method_not_allowed

# --- pay -------------------------------------------------------------------------
req POST $B/invoices/$I1/pay '' "$HB"
check_error "pay another user's invoice: 403" 403 forbidden
req POST $B/invoices/999999/pay '' "$HA"
check_error "pay a missing invoice: 404" 404 not_found
req POST $B/invoices/$I1/pay '' "$HA"
check_eq "pay: 200, paid, paid_at set" "200|paid|yes" \
    "$STATUS|$(jget "$BODY" status)|$([ -n "$(jget "$BODY" paid_at)" ] && echo yes)"
req POST $B/invoices/$I1/pay '' "$HA"
check_error "pay twice: 409" 409 conflict
req GET $B/invoices/$I1/pay '' "$HA"
check_error "GET .../pay: 405" 405 method_not_allowed

# 20 concurrent payers of one open invoice: exactly one wins.
req POST $B/invoices "{\"customer_id\":$C1,\"amount_cents\":700}" "$HA"
I2=$(jget "$BODY" id)
seq 1 20 | xargs -P 20 -I{} curl -sS -m 30 -o /dev/null -w '%{http_code}\n' \
    -X POST -H "$HA" -H 'content-length: 0' $B/invoices/$I2/pay > "$TEST_TMP/race" 2>&1
check_eq "race: 20 concurrent pays, exactly one 200 and 19 409" "1 200|19 409" \
    "$(sort "$TEST_TMP/race" | uniq -c | awk '{print $1, $2}' | paste -sd '|')"
check_eq "race: the row says paid once" "paid|1" \
    "$(q $DB "SELECT status, (paid_at IS NOT NULL)::int FROM billing.invoices WHERE id = $I2")"

# --- list: filters and keyset pagination -----------------------------------------
req POST $B/customers '{"name":"Second"}' "$HA"
C2=$(jget "$BODY" id)
for i in 1 2 3 4 5; do
	req POST $B/invoices "{\"customer_id\":$C2,\"amount_cents\":$i}" "$HA"
done
req POST $B/customers '{"name":"Bob Co"}' "$HB"
req POST $B/invoices "{\"customer_id\":$(jget "$BODY" id),\"amount_cents\":1}" "$HB"
all=$(q $DB "SELECT string_agg(i.id::text, ',' ORDER BY i.id) FROM billing.invoices i JOIN billing.customers c ON c.id = i.customer_id WHERE c.owner_user_id = $UA")
ids() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(",".join(str(i["id"]) for i in d["items"]))' "$BODY"; }
got="" after=""
pages=0
while :; do
	req GET "$B/invoices?limit=3${after:+&after=$after}" '' "$HA"
	[ "$STATUS" = 200 ] || break
	got="$got${got:+,}$(ids)"
	pages=$((pages + 1))
	after=$(jget "$BODY" next_after)
	[ -n "$after" ] || break
	[ $pages -lt 10 ] || break
done
check_eq "keyset pages of 3 walk all of Ann's invoices once, in order" "$all" "$got"
check_eq "8 invoices: 3 pages, the last has next_after null" 3 "$pages"
req GET "$B/invoices?status=paid" '' "$HA"
check_eq "filter status=paid" "$I1,$I2" "$(ids)"
req GET "$B/invoices?customer_id=$C2&status=open&limit=2" '' "$HA"
check_eq "filter customer_id and status, limit 2" 2 "$(ids | tr ',' '\n' | wc -l)"
req GET "$B/invoices" '' "$HB"
check_eq "Bob sees only his invoice" 1 "$(ids | tr ',' '\n' | wc -l)"
req GET "$B/invoices?limit=0" '' "$HA"
check_error "limit=0: 422" 422 validation_failed
req GET "$B/invoices?limit=101" '' "$HA"
check_error "limit=101: 422" 422 validation_failed
req GET "$B/invoices?status=lost" '' "$HA"
check_error "status=lost: 422" 422 validation_failed
req GET "$B/invoices?after=x" '' "$HA"
check_error "after=x: 422" 422 validation_failed
req GET "$B/invoices?status=%27%3B%20DROP%20TABLE%20billing.invoices%3B--" '' "$HA"
check_error "SQL in a parameter is only a bad value: 422" 422 validation_failed
req POST $B/customers "{\"name\":\"x'); DROP TABLE billing.invoices; --\"}" "$HA"
check_eq "SQL in a body string is stored as text" "201|x'); DROP TABLE billing.invoices; --" "$STATUS|$(jget "$BODY" name)"
check_eq "billing.invoices still there" 9 "$(q $DB "SELECT count(*) FROM billing.invoices")"

# --- revocation is auth's: billing accepts a revoked token until it expires ----
req DELETE $A/tokens/current '' "$HB"
check_status "auth revokes Bob's token" 204
req GET $B/invoices '' "$HB"
check_status "billing still accepts it until expiry (documented: short TTL)" 200

# --- least privilege, enforced by PostgreSQL ---------------------------------------
BURL=$(dburl $DB billing_svc "$BILLING_SVC_PASSWORD")
check_contains "billing_svc cannot read auth.users (permission denied)" \
    "ERROR:  permission denied for schema auth" \
    "$(psql -X -qAt "$BURL" -c 'SELECT email FROM auth.users' 2>&1)"
check_contains "billing_svc cannot read auth.tokens either" "permission denied" \
    "$(psql -X -qAt "$BURL" -c 'SELECT * FROM auth.tokens' 2>&1)"
check_contains "billing_svc cannot create in public" "permission denied for schema public" \
    "$(psql -X -qAt "$BURL" -c 'CREATE TABLE public.x (i int)' 2>&1)"

if grep -qi "sandbox violation\|ERROR: AddressSanitizer\|runtime error" "$TEST_TMP"/*.log; then
	fail "no worker died, no sanitizer report" "$(grep -i -m5 "violation\|sanitizer\|runtime error" "$TEST_TMP"/*.log)"
else
	pass "no worker died, no sanitizer report"
fi
