#!/usr/bin/env bash
# 10_runner.sh: verifier migrate / down / status against a real PostgreSQL:
# both schemas, isolation, concurrency, failures, refusals, a killed runner
# and bad input, each with its exact message and exit code.
. "$TOP/tests/lib.sh"
DB=runner_t
fresh_db $DB || { fail "fresh database"; exit 1; }
URL=$(dburl $DB)
V="$VERIFIER"

# schema_dump DB SCHEMA: the schema's DDL, for before/after comparisons.
schema_dump() {
	pg_dump -d "$1" --schema-only --schema="$2" --no-comments 2>&1 | grep -v -e '^--' -e '^\\restrict' -e '^\\unrestrict' | sed '/^$/d'
}

# --- apply, status, down, re-apply on both schemas, isolation ------------
billing_before=$(schema_dump $DB billing)
run_capture $V migrate --db "$URL" --schema auth
check_eq "auth: migrate exits 0" 0 "$RC"
check_contains "auth: migrate names the file and its time" \
    "  applied 20261125100000_create_users_and_tokens.sql (" "$OUT"
check_contains "auth: migrate prints a summary" "auth: applied 1 file in" "$OUT"
check_eq "auth: version row recorded" "20261125100000|create_users_and_tokens|postgres" \
    "$(q $DB "SELECT version, description, applied_by FROM auth.schema_migrations")"
check_eq "auth: checksum is the file's SHA-256" \
    "$(sha256sum migrations/auth/20261125100000_create_users_and_tokens.sql | cut -d' ' -f1)" \
    "$(q $DB "SELECT checksum FROM auth.schema_migrations")"
check_eq "auth: tables owned by the service role" "auth_svc|auth_svc|auth_svc" \
    "$(q $DB "SELECT string_agg(tableowner, '|' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'auth'")"
check_eq "auth: migrate leaves billing unchanged" "$billing_before" "$(schema_dump $DB billing)"

auth_after=$(schema_dump $DB auth)
run_capture $V migrate --db "$URL" --schema billing
check_eq "billing: migrate exits 0" 0 "$RC"
check_eq "billing: migrate leaves auth unchanged" "$auth_after" "$(schema_dump $DB auth)"
run_capture $V migrate --db "$URL" --schema billing
check_eq "billing: second migrate is a no-op" "billing: up to date at $(head_version billing)" "$OUT"

run_capture $V status --db "$URL" --schema billing
check_eq "status: exit 0 at head" 0 "$RC"
check_contains "status: lists the applied file" "  applied  20261125100000_create_customers_and_invoices.sql  " "$OUT"
check_contains "status: says clean" "billing: at head, clean" "$OUT"

billing_after=$(schema_dump $DB billing)
run_capture $V down --db "$URL" --schema auth
check_eq "auth: down exits 0" 0 "$RC"
check_contains "auth: down names the file" "  rolled back 20261125100000_create_users_and_tokens.sql" "$OUT"
check_eq "auth: down removed the tables" "schema_migrations" \
    "$(q $DB "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'auth'")"
check_eq "auth: down removed the version row" 0 "$(q $DB "SELECT count(*) FROM auth.schema_migrations")"
check_eq "auth: down leaves billing unchanged" "$billing_after" "$(schema_dump $DB billing)"
run_capture $V status --db "$URL" --schema auth
check_eq "status: exit 1 with a pending file" 1 "$RC"
check_contains "status: lists the pending file" "  pending  20261125100000_create_users_and_tokens.sql" "$OUT"
run_capture $V migrate --db "$URL" --schema auth
check_eq "auth: re-apply exits 0" 0 "$RC"
check_eq "auth: re-apply gives the same schema" "$auth_after" "$(schema_dump $DB auth)"
# Every file of billing, back to empty.
run_capture $V down --db "$URL" --schema billing --steps "$(ls "$TOP"/migrations/billing/*.sql | wc -l)"
check_eq "billing: down exits 0" 0 "$RC"
check_eq "billing: down leaves auth unchanged" "$auth_after" "$(schema_dump $DB auth)"
check_eq "billing: enum type dropped" 0 "$(q $DB "SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'billing' AND t.typname = 'invoice_status'")"
run_capture $V migrate --db "$URL" --schema billing
check_eq "billing: re-apply gives the same schema" "$billing_after" "$(schema_dump $DB billing)"

# new_case NAME SCHEMA: makes the folder $TEST_TMP/NAME for a case's
# migration files and the empty schema SCHEMA (owned by billing_svc) they
# go into; prints the folder.
new_case() {
	mkdir -p "$TEST_TMP/$1"
	q $DB "CREATE SCHEMA $2 AUTHORIZATION billing_svc" >/dev/null
	echo "$TEST_TMP/$1"
}

# --- a generated folder: dry run, --to, down --to, transaction:false ------
M=$(new_case mig t1)
for i in 1 2 3; do
	cat > $M/2026010100000${i}_step$i.sql <<SQL
-- migrate:up
CREATE TABLE t1.s$i (id int PRIMARY KEY);
INSERT INTO t1.s$i VALUES ($i);
-- migrate:down
DROP TABLE t1.s$i;
SQL
done
run_capture $V migrate --db "$URL" --schema t1 --migrations $M --dry-run
check_eq "dry run: exit 0" 0 "$RC"
check_contains "dry run: lists what would run" "  would apply 20260101000002_step2.sql (2 statements)" "$OUT"
check_eq "dry run: creates nothing, not even the version table" 0 \
    "$(q $DB "SELECT count(*) FROM pg_tables WHERE schemaname = 't1'")"
run_capture $V migrate --db "$URL" --schema t1 --migrations $M --to 20260101000002
check_eq "--to: exit 0" 0 "$RC"
check_eq "--to: applies up to the version" "20260101000001,20260101000002" \
    "$(q $DB "SELECT string_agg(version, ',' ORDER BY version) FROM t1.schema_migrations")"
run_capture $V migrate --db "$URL" --schema t1 --migrations $M --to 99
check_eq "--to unknown version: exit 2" 2 "$RC"
check_eq "--to unknown version: message" "verifier: $M: no migration file with version 99" "$OUT"
run_capture $V migrate --db "$URL" --schema t1 --migrations $M
run_capture $V down --db "$URL" --schema t1 --migrations $M --to 20260101000001
check_eq "down --to: exit 0" 0 "$RC"
check_eq "down --to: keeps the target applied" "20260101000001" \
    "$(q $DB "SELECT string_agg(version, ',') FROM t1.schema_migrations")"
check_eq "down --to: dropped the newer tables" "s1,schema_migrations" \
    "$(q $DB "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 't1'")"
run_capture $V down --db "$URL" --schema t1 --migrations $M --to 5
check_eq "down --to unapplied version: exit 2" 2 "$RC"
check_eq "down --to unapplied version: message" \
    "verifier: version 5 is not applied to t1: expected an applied version, or 0 for all" "$OUT"
run_capture $V down --db "$URL" --schema t1 --migrations $M --to 0
check_eq "down --to 0: rolls back everything" 0 "$(q $DB "SELECT count(*) FROM t1.schema_migrations")"

cat > $M/20260101000004_concurrent.sql <<'SQL'
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY s1_idx ON t1.s1 (id);
CREATE INDEX CONCURRENTLY s2_idx ON t1.s2 (id);
-- migrate:down transaction:false
DROP INDEX CONCURRENTLY t1.s1_idx;
DROP INDEX CONCURRENTLY t1.s2_idx;
SQL
run_capture $V migrate --db "$URL" --schema t1 --migrations $M
check_eq "transaction:false: CREATE INDEX CONCURRENTLY applies" 0 "$RC"
check_eq "transaction:false: both indexes exist" 2 \
    "$(q $DB "SELECT count(*) FROM pg_indexes WHERE schemaname = 't1' AND indexname IN ('s1_idx', 's2_idx')")"
run_capture $V down --db "$URL" --schema t1 --migrations $M
check_eq "transaction:false: down drops them" 0 \
    "$(q $DB "SELECT count(*) FROM pg_indexes WHERE schemaname = 't1' AND indexname IN ('s1_idx', 's2_idx')")"

# --- two runners at once, the first building an index concurrently ---------
# The second waits for the lock without holding a snapshot: blocked in
# pg_advisory_lock() it would hold one, CREATE INDEX CONCURRENTLY would wait
# for it, and PostgreSQL would abort one of the two as a deadlock.
cat > $M/20260101000004_concurrent.sql <<'SQL'
-- migrate:up transaction:false
SELECT pg_sleep(0.5);
CREATE INDEX CONCURRENTLY s1_idx ON t1.s1 (id);
-- migrate:down transaction:false
DROP INDEX CONCURRENTLY t1.s1_idx;
SQL
$V migrate --db "$URL" --schema t1 --migrations $M > $TEST_TMP/r1.out 2>&1 &
p1=$!
sleep 0.2
$V migrate --db "$URL" --schema t1 --migrations $M > $TEST_TMP/r2.out 2>&1 &
p2=$!
wait $p1; rc1=$?
wait $p2; rc2=$?
check_eq "two runners at once, one building an index concurrently: both exit 0" "0 0" "$rc1 $rc2"
check_eq "two runners at once: no deadlock" "" "$(grep -h -i deadlock $TEST_TMP/r1.out $TEST_TMP/r2.out)"
check_eq "two runners at once: applied once, the index valid" "1|t" \
    "$(q $DB "SELECT count(*) FROM t1.schema_migrations WHERE version = '20260101000004'")|$(q $DB "SELECT indisvalid FROM pg_index WHERE indexrelid = 't1.s1_idx'::regclass")"
run_capture $V down --db "$URL" --schema t1 --migrations $M
rm $M/20260101000004_concurrent.sql

# --- an error in the 3rd statement: nothing of the file remains ----------
F=$(new_case fail t2)
cat > $F/20260101000001_broken.sql <<'SQL'
-- migrate:up
CREATE TABLE t2.a (id int);
INSERT INTO t2.a VALUES (1);

INSERT INTO t2.a
    VALUES (1, 2);
CREATE TABLE t2.b (id int);
-- migrate:down
DROP TABLE t2.a;
SQL
run_capture $V migrate --db "$URL" --schema t2 --migrations $F
check_eq "failed file: exit 1" 1 "$RC"
check_contains "failed file: names file, line and the server's message" \
    "verifier: $F/20260101000001_broken.sql:6: INSERT has more expressions than target columns; rolled back: nothing of this file was applied" "$OUT"
check_eq "failed file: nothing of it remains" "schema_migrations" \
    "$(q $DB "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 't2'")"
check_eq "failed file: no version row" 0 "$(q $DB "SELECT count(*) FROM t2.schema_migrations")"
cat > $F/20260101000001_broken.sql <<'SQL'
-- migrate:up
CREATE TABLE t2.a (id int PRIMARY KEY);
INSERT INTO t2.a VALUES (1);
INSERT INTO t2.a VALUES (1);
SQL
run_capture $V migrate --db "$URL" --schema t2 --migrations $F
check_contains "failed file without position: names the statement's line" \
    "verifier: $F/20260101000001_broken.sql:4: duplicate key value violates unique constraint \"a_pkey\" (Key (id)=(1) already exists.); rolled back: nothing of this file was applied" "$OUT"
cat > $F/20260101000001_broken.sql <<'SQL'
-- migrate:up
CREATE TABLE t2.a (id int);
SELEC 1;
SQL
run_capture $V migrate --db "$URL" --schema t2 --migrations $F
check_eq "syntax error: exit 2 before anything is sent" 2 "$RC"
check_eq "syntax error: file, line, column" \
    "verifier: $F/20260101000001_broken.sql:3:1: up section does not parse: syntax error at or near \"SELEC\"" "$OUT"

# --- refusals: edited, missing, out of order -----------------------------
# t3_tables NAME: how many tables t3.NAME there are (0 or 1).
t3_tables() {
	q $DB "SELECT count(*) FROM pg_tables WHERE schemaname = 't3' AND tablename = '$1'"
}
# check_refused WHAT NAME: the last run exited 2 and did not create t3.NAME.
check_refused() {
	check_eq "$1: exit 2" 2 "$RC"
	check_eq "$1: nothing applied" 0 "$(t3_tables "$2")"
}

R=$(new_case refuse t3)
printf -- '-- migrate:up\nCREATE TABLE t3.a (id int);\n-- migrate:down\nDROP TABLE t3.a;\n' > $R/20260101000001_a.sql
printf -- '-- migrate:up\nCREATE TABLE t3.c (id int);\n-- migrate:down\nDROP TABLE t3.c;\n' > $R/20260101000003_c.sql
run_capture $V migrate --db "$URL" --schema t3 --migrations $R
check_eq "refusals: setup applies" 0 "$RC"
printf -- '-- migrate:up\nCREATE TABLE t3.b (id int);\n' > $R/20260101000002_b.sql
run_capture $V migrate --db "$URL" --schema t3 --migrations $R
check_refused "out of order" b
check_eq "out of order: names the file" \
    "verifier: $R/20260101000002_b.sql: pending but older than the newest applied version 20260101000003: give it a newer version, or pass --allow-out-of-order" "$OUT"
run_capture $V migrate --db "$URL" --schema t3 --migrations $R --allow-out-of-order
check_eq "--allow-out-of-order applies it" "0|1" "$RC|$(t3_tables b)"
printf -- '-- migrate:up\nCREATE TABLE t3.a (id int, x int);\n-- migrate:down\nDROP TABLE t3.a;\n' > $R/20260101000001_a.sql
printf -- '-- migrate:up\nCREATE TABLE t3.d (id int);\n' > $R/20260101000004_d.sql
run_capture $V migrate --db "$URL" --schema t3 --migrations $R
check_refused "edited file" d
check_contains "edited file: names the file" \
    "verifier: $R/20260101000001_a.sql: edited after it was applied (checksum " "$OUT"
run_capture $V status --db "$URL" --schema t3 --migrations $R
check_contains "status: shows the edited file" "  edited   20260101000001_a.sql" "$OUT"
check_eq "status: exit 1 when not clean" 1 "$RC"
printf -- '-- migrate:up\nCREATE TABLE t3.a (id int);\n-- migrate:down\nDROP TABLE t3.a;\n' > $R/20260101000001_a.sql
rm $R/20260101000003_c.sql
run_capture $V migrate --db "$URL" --schema t3 --migrations $R
check_refused "missing file" d
check_eq "missing file: names the version" \
    "verifier: $R: applied version 20260101000003 (c) has no file in this folder: restore the file, or roll it back where it exists" "$OUT"

# --- bad input -----------------------------------------------------------
run_capture $V migrate --db "$URL" --schema nosuch --migrations $R
check_eq "no such schema: exit 2" 2 "$RC"
check_eq "no such schema: message" "verifier: no such schema: nosuch (create it first, e.g. in initdb/)" "$OUT"
run_capture $V migrate --db "$URL" --schema t3 --migrations $TEST_TMP/nowhere
check_eq "missing folder: exit 2" 2 "$RC"
check_eq "missing folder: message" "verifier: $TEST_TMP/nowhere: cannot read the migrations folder: No such file or directory" "$OUT"
touch $TEST_TMP/afile
run_capture $V migrate --db "$URL" --schema t3 --migrations $TEST_TMP/afile
check_eq "unreadable folder: message" "2|verifier: $TEST_TMP/afile: cannot read the migrations folder: Not a directory" "$RC|$OUT"
B=$TEST_TMP/badname
mkdir -p $B
printf -- '-- migrate:up\nSELECT 1;\n' > $B/create_users.sql
run_capture $V migrate --db "$URL" --schema t3 --migrations $B
check_eq "bad file name: exit 2 and message" \
    "2|verifier: $B/create_users.sql: file name does not match <version>_<slug>.sql (version: digits, e.g. a UTC timestamp 20261125143000; slug: letters, digits, _ or -)" "$RC|$OUT"
rm $B/create_users.sql
printf -- '-- migrate:up\nSELECT 1;\n' > $B/1_a.sql
printf -- '-- migrate:up\nSELECT 1;\n' > $B/001_b.sql
run_capture $V migrate --db "$URL" --schema t3 --migrations $B
check_eq "two files with one version: exit 2 and message" \
    "2|verifier: $B/1_a.sql: version 1 is also used by 001_b.sql: expected one file per version" "$RC|$OUT"
run_capture $V migrate --db "$URL"
check_eq "missing --schema: exit 2 and usage hint" \
    "2|verifier migrate: missing --schema NAME
Try 'verifier migrate -h'." "$RC|$OUT"
run_capture $V migrate --schema t3 --bogus
check_eq "unknown option: exit 2" 2 "$RC"
run_capture $V frobnicate
check_eq "unknown command: exit 2" "2|verifier: unknown command 'frobnicate'
Try 'verifier help'." "$RC|$OUT"
run_capture $V migrate --db "postgresql://nobody:x@127.0.0.1:1/none" --schema t3
check_eq "unreachable server: exit 1" 1 "$RC"
check_contains "unreachable server: message" "verifier: cannot connect to the database: connection to server at \"127.0.0.1\", port 1 failed" "$OUT"

# --- 8 runners at the same instant on one schema --------------------------
C=$(new_case conc t4)
q $DB "CREATE TABLE t4.side_effects (file text)" >/dev/null
q $DB "ALTER TABLE t4.side_effects OWNER TO billing_svc" >/dev/null
for i in $(seq 1 6); do
	cat > $C/2026010100000${i}_f$i.sql <<SQL
-- migrate:up
INSERT INTO t4.side_effects VALUES ('f$i');
CREATE TABLE t4.c$i (id int);
SELECT pg_sleep(0.05);
-- migrate:down
DROP TABLE t4.c$i;
SQL
done
GO=$TEST_TMP/go
pids=()
for n in $(seq 1 8); do
	( while [ ! -f $GO ]; do sleep 0.01; done
	  $V migrate --db "$URL" --schema t4 --migrations $C >$TEST_TMP/conc.$n.out 2>&1
	  echo $? >$TEST_TMP/conc.$n.rc ) &
	pids+=($!)
done
sleep 0.3
touch $GO
wait "${pids[@]}"
check_eq "8 runners: all exit 0" "0 0 0 0 0 0 0 0" "$(cat $TEST_TMP/conc.*.rc | tr '\n' ' ' | sed 's/ $//')"
check_eq "8 runners: each file recorded once" "6|6" \
    "$(q $DB "SELECT count(*), count(DISTINCT version) FROM t4.schema_migrations")"
check_eq "8 runners: each file's side effect happened once" "f1:1 f2:1 f3:1 f4:1 f5:1 f6:1" \
    "$(q $DB "SELECT string_agg(file || ':' || n, ' ' ORDER BY file) FROM (SELECT file, count(*) n FROM t4.side_effects GROUP BY file) s")"
check_eq "8 runners: one of them applied all 6 files" 1 "$(grep -l 'applied 6 files' $TEST_TMP/conc.*.out | wc -l)"

# --- a runner killed with SIGKILL inside a slow migration -----------------
K=$(new_case kill t5)
cat > $K/20260101000001_slow.sql <<'SQL'
-- migrate:up
CREATE TABLE t5.slow (id int);
INSERT INTO t5.slow VALUES (1);
SELECT pg_sleep(30);
-- migrate:down
DROP TABLE t5.slow;
SQL
$V migrate --db "$URL" --schema t5 --migrations $K >$TEST_TMP/kill.out 2>&1 &
kpid=$!
for _ in $(seq 1 100); do
	[ "$(q $DB "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'")" = 1 ] && break
	sleep 0.1
done
check_eq "kill: the slow statement is running" 1 \
    "$(q $DB "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%'")"
kill -KILL $kpid
wait $kpid 2>/dev/null
# The backend notices the dead client within client_connection_check_interval.
for _ in $(seq 1 50); do
	[ "$(q $DB "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")" = 0 ] && break
	sleep 0.1
done
check_eq "kill: the advisory lock is gone" 0 "$(q $DB "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")"
check_eq "kill: nothing of the file remains" "schema_migrations" \
    "$(q $DB "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 't5'")"
check_eq "kill: no version row" 0 "$(q $DB "SELECT count(*) FROM t5.schema_migrations")"
sed -i 's/pg_sleep(30)/pg_sleep(0)/' $K/20260101000001_slow.sql
run_capture $V migrate --db "$URL" --schema t5 --migrations $K
check_eq "kill: the next run completes" "0|1" "$RC|$(q $DB "SELECT count(*) FROM t5.slow")"

# --- lock_timeout: a file that waits on another session's lock ------------
q $DB "CREATE TABLE t5.busy (id int)" >/dev/null
q $DB "ALTER TABLE t5.busy OWNER TO billing_svc" >/dev/null
printf -- '-- migrate:up\nCREATE TABLE t5.x (id int);\nALTER TABLE t5.busy ADD COLUMN y int;\n' > $K/20260101000002_wait.sql
psql -X -q -d $DB -c "BEGIN; LOCK TABLE t5.busy IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(5); COMMIT;" >/dev/null 2>&1 &
hold=$!
sleep 0.5
run_capture $V migrate --db "$URL" --schema t5 --migrations $K --lock-timeout 300ms --lock-tries 1
check_eq "lock_timeout: exit 1" 1 "$RC"
check_contains "lock_timeout: names file, line and the timeout" \
    "20260101000002_wait.sql:3: canceling statement due to lock timeout; rolled back: nothing of this file was applied" "$OUT"
check_eq "lock_timeout: nothing half done" "0|1" \
    "$(q $DB "SELECT count(*) FROM pg_tables WHERE schemaname = 't5' AND tablename = 'x'")|$(q $DB "SELECT count(*) FROM t5.schema_migrations")"
wait $hold
