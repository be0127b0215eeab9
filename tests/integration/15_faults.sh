#!/usr/bin/env bash
# 15_faults.sh: PostgreSQL killed in the middle of a 50-file migrate, and
# two schemas migrated at one moment with a slow file in one of them.
. "$TOP/tests/lib.sh"
. "$TOP/ci/pg.sh"
DB=faults_t
fresh_db $DB || { fail "fresh database"; exit 1; }
URL=$(dburl $DB)
V="$VERIFIER"

# --- PostgreSQL killed (immediate stop) during a migrate of 50 files ------
M=$TEST_TMP/fifty
mkdir -p $M
q $DB "CREATE SCHEMA f1 AUTHORIZATION billing_svc" >/dev/null
for i in $(seq 1 50); do
	v=$(printf '202601010%05d' "$i")
	cat > $M/${v}_f$i.sql <<SQL
-- migrate:up
CREATE TABLE f1.a$i (id int);
SELECT pg_sleep(0.04);
CREATE TABLE f1.b$i (id int);
-- migrate:down
DROP TABLE f1.b$i;
DROP TABLE f1.a$i;
SQL
done
$V migrate --db "$URL" --schema f1 --migrations $M >$TEST_TMP/kill.out 2>&1 &
mpid=$!
for _ in $(seq 1 100); do
	n=$(q $DB "SELECT count(*) FROM f1.schema_migrations" 2>/dev/null)
	[ "${n:-0}" -ge 10 ] && break
	sleep 0.05
done
pg_stop "$PGDATA_TEST" immediate
wait $mpid
mrc=$?
check_eq "kill: the interrupted migrate exits 1" 1 "$mrc"
check_contains "kill: it says why" "server closed the connection unexpectedly" "$(cat $TEST_TMP/kill.out)"
pg_start "$PGDATA_TEST" "$PGPORT" "$PGLOG_TEST"
for _ in $(seq 1 50); do q $DB "SELECT 1" >/dev/null 2>&1 && break; sleep 0.1; done
before=$(q $DB "SELECT count(*) FROM f1.schema_migrations")
half=$(q $DB "SELECT count(*) FROM generate_series(1, 50) i WHERE (to_regclass('f1.a' || i) IS NULL) <> (to_regclass('f1.b' || i) IS NULL)")
check_eq "kill: no file half applied after the crash" 0 "$half"
check_eq "kill: recorded files are exactly the applied ones" "$before" \
    "$(q $DB "SELECT count(*) FROM generate_series(1, 50) i WHERE to_regclass('f1.b' || i) IS NOT NULL")"
if [ "$before" -gt 0 ] && [ "$before" -lt 50 ]; then
	pass "kill: the crash came in the middle ($before of 50 applied)"
else
	fail "kill: the crash came in the middle" "$before of 50 applied"
fi
run_capture $V migrate --db "$URL" --schema f1 --migrations $M
check_eq "kill: the rerun finishes" 0 "$RC"
check_contains "kill: the rerun applies only the rest" "applied $((50 - before)) files" "$OUT"
check_eq "kill: every file applied exactly once" "50|50|100" \
    "$(q $DB "SELECT count(*), count(DISTINCT version), (SELECT count(*) FROM pg_tables WHERE schemaname = 'f1' AND tablename <> 'schema_migrations') FROM f1.schema_migrations")"
run_capture $V status --db "$URL" --schema f1 --migrations $M
check_eq "kill: status is clean" "0" "$RC"

# --- auth and billing at the same moment, a slow file in auth -------------
S=$TEST_TMP/slow
mkdir -p $S/auth $S/billing
cp migrations/auth/*.sql $S/auth/
cp migrations/billing/*.sql $S/billing/
# Not billing's CREATE INDEX CONCURRENTLY: it waits for every older
# transaction of the database, auth's slow one too (PostgreSQL's rule, not
# a lock of the runner).
rm $(grep -l 'transaction:false' $S/billing/*.sql)
bhead=$(ls $S/billing/*.sql | tail -1)
bhead=${bhead##*/}
bhead=${bhead%%_*}
cat > $S/auth/20991231000000_slow.sql <<'SQL'
-- migrate:up
SELECT pg_sleep(3);
SQL
AURL=$(dburl $DB auth_svc secret_a)
BURL=$(dburl $DB billing_svc secret_b)
q $DB "ALTER ROLE auth_svc PASSWORD 'secret_a'; ALTER ROLE billing_svc PASSWORD 'secret_b'" >/dev/null
t0=$(date +%s%3N)
( $V migrate --db "$AURL" --schema auth --migrations $S/auth >/dev/null 2>&1; date +%s%3N > $TEST_TMP/auth.end ) &
apid=$!
sleep 0.3
( $V migrate --db "$BURL" --schema billing --migrations $S/billing >/dev/null 2>&1; date +%s%3N > $TEST_TMP/billing.end ) &
bpid=$!
wait $apid $bpid
aend=$(( $(cat $TEST_TMP/auth.end) - t0 ))
bend=$(( $(cat $TEST_TMP/billing.end) - t0 ))
if [ "$bend" -lt "$aend" ] && [ "$bend" -lt 2500 ]; then
	pass "per-schema locks: billing done at ${bend} ms while auth's slow file ran until ${aend} ms"
else
	fail "per-schema locks: billing was delayed" "billing done at ${bend} ms, auth at ${aend} ms"
fi
check_eq "per-schema locks: both schemas at head" "20991231000000|$bhead" \
    "$(q $DB "SELECT (SELECT max(version) FROM auth.schema_migrations) || '|' || (SELECT max(version) FROM billing.schema_migrations)")"
check_eq "service roles: migrations ran as the service role" "auth_svc|billing_svc" \
    "$(q $DB "SELECT (SELECT applied_by FROM auth.schema_migrations LIMIT 1) || '|' || (SELECT applied_by FROM billing.schema_migrations LIMIT 1)")"
run_capture psql -X -qAt "$BURL" -c "SELECT count(*) FROM auth.users"
check_eq "service roles: billing_svc cannot read auth.users" \
    "ERROR:  permission denied for schema auth" "$(printf '%s\n' "$OUT" | head -1)"
run_capture psql -X -qAt "$BURL" -c "CREATE TABLE public.x (id int)"
check_eq "service roles: billing_svc cannot create in public" \
    "ERROR:  permission denied for schema public" "$(printf '%s\n' "$OUT" | head -1)"
